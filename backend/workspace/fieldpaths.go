package workspace

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// leafPaths lists the JSON paths of every leaf field a value of type t
// writes: "people[].notes", "oncall.rotations[].colors{}". Arrays add "[]",
// maps "{}"; a type that marshals itself (time.Time, ids) is a leaf.
func leafPaths(t reflect.Type) []string {
	var out []string
	walkType(t, "", map[reflect.Type]bool{}, func(p string, _ reflect.Type) { out = append(out, p) })
	return out
}

var (
	jsonMarshaler = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	timeType      = reflect.TypeOf(time.Time{})
)

func selfMarshals(t reflect.Type) bool {
	return t == timeType || t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// jsonName is the field's name in JSON ("" when it is not written) and
// whether its fields are inlined (an embedded struct without a name).
func jsonName(f reflect.StructField) (name string, inline bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ = strings.Cut(tag, ",")
	if name == "" && f.Anonymous {
		return "", true
	}
	if name == "" {
		name = f.Name
	}
	return name, false
}

func walkType(t reflect.Type, path string, seen map[reflect.Type]bool, leaf func(string, reflect.Type)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if selfMarshals(t) {
		leaf(path, t)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if seen[t] {
			leaf(path, t) // recursive type: classified as a whole
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, inline := jsonName(f)
			switch {
			case inline:
				walkType(f.Type, path, seen, leaf)
			case name != "":
				walkType(f.Type, join(path, name), seen, leaf)
			}
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			leaf(path, t) // bytes
			return
		}
		walkType(t.Elem(), path+"[]", seen, leaf)
	case reflect.Map:
		walkType(t.Elem(), path+"{}", seen, leaf)
	default:
		leaf(path, t)
	}
}
