package calendar

import (
	"bytes"
	"io"
	"os"
	"strings"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// The import and subscription use cases the app and the command line share:
// holidays go into a region chosen by name, which is made when no region
// has that name yet — but only for an import or subscription that is
// accepted. A refused one leaves no new region behind.

// Regions finds and makes holiday regions (oncall.Service).
type Regions interface {
	RegionByName(name string) (oncall.Region, error)
	SaveRegion(r oncall.Region) (oncall.Region, error)
	DeleteRegion(u id.ID) error
}

// Source is the calendar of an import: one of the text of a file (read by
// the UI), a file, or a calendar downloaded once (DownloadURL).
type Source struct {
	Text     string
	Path     string
	Download *Download
}

// previewSource previews the import of the source (Preview, PreviewFile or
// PreviewDownload).
func (s *Service) previewSource(src Source, t Target) (*Preview, error) {
	switch {
	case src.Download != nil:
		return s.PreviewDownload(src.Download, t)
	case src.Path != "":
		return s.PreviewFile(src.Path, t)
	}
	return s.Preview(strings.NewReader(src.Text), t)
}

// fitsNewRegion reads the source as a preview into a new region would (a
// download was read as it arrived): a file Wheelhouse cannot read, or more
// holidays than a region holds, is refused before the region is made.
func (s *Service) fitsNewRegion(src Source) error {
	var r io.Reader = strings.NewReader(src.Text)
	switch {
	case src.Download != nil:
		r = bytes.NewReader(src.Download.Body)
	case src.Path != "":
		f, err := os.Open(src.Path)
		if err != nil {
			return errs.E(errs.Invalid, "Cannot open %s: %v", src.Path, err)
		}
		defer f.Close()
		r = f
	}
	p, err := Parse(r, DefaultLimits, s.clock.Now())
	if err != nil {
		if src.Download != nil {
			return notCalendar(src.Download.d, err)
		}
		return err
	}
	if len(p.Items) == 0 {
		// A new region only for a calendar with something to import.
		return nothingToImport(p.Events, p.Warnings)
	}
	return fitsRegion(len(p.Items))
}

// regionNamed is the id of the holiday region called name; zero when there
// is none yet.
func (s *Service) regionNamed(name string) (id.ID, error) {
	r, err := s.Regions.RegionByName(name)
	if errs.Is(err, errs.NotFound) {
		return id.Nil, nil
	}
	return r.ID, err
}

// newRegion makes the holiday region called name; a name it refuses is an
// error on field.
func (s *Service) newRegion(name, field string) (id.ID, error) {
	r, err := s.Regions.SaveRegion(oncall.Region{Name: name})
	if fs := errs.FieldsOf(err); len(fs) > 0 && errs.Is(err, errs.Invalid) {
		return id.Nil, errs.FieldErr(field, "%s", fs[0].Message)
	}
	return r.ID, errs.Wrap("calendar.newRegion", err)
}

// dropRegion removes a region made for an import or subscription that was
// then refused.
func (s *Service) dropRegion(u id.ID) {
	if err := s.Regions.DeleteRegion(u); err != nil {
		s.log.Error("removing the holiday region of a refused import", "region", u, "err", err)
	}
}

// newHolidays tells whether a holiday target names its region by name
// (regionName) rather than by id.
func newHolidays(t Target, regionName string) bool {
	return t.Kind == TargetHolidays && t.RegionID.IsZero() && regionName != ""
}

// PreviewInto previews an import into t; holidays without a region id go
// into the region called regionName (field "regionName" in errors). When no
// region has that name, the calendar is read first and the region made only
// for a calendar Wheelhouse imports; made says it was. Apply the preview
// with Apply.
func (s *Service) PreviewInto(src Source, t Target, regionName string) (p *Preview, made bool, err error) {
	name := strings.TrimSpace(regionName)
	if !newHolidays(t, name) {
		p, err = s.previewSource(src, t)
		return p, false, err
	}
	if t.RegionID, err = s.regionNamed(name); err != nil {
		return nil, false, err
	}
	if !t.RegionID.IsZero() {
		p, err = s.previewSource(src, t)
		return p, false, err
	}
	if err := s.fitsNewRegion(src); err != nil {
		return nil, false, err
	}
	if t.RegionID, err = s.newRegion(name, "regionName"); err != nil {
		return nil, false, err
	}
	if p, err = s.previewSource(src, t); err != nil {
		s.dropRegion(t.RegionID)
		return nil, false, err
	}
	return p, true, nil
}

// DiscardPreview forgets a preview that will not be applied: the holiday
// region PreviewInto made for it (made) is removed again, so a declined
// import leaves nothing behind.
func (s *Service) DiscardPreview(p *Preview, made bool) {
	if made && p != nil && p.Target.Kind == TargetHolidays && !p.Target.RegionID.IsZero() {
		s.dropRegion(p.Target.RegionID)
	}
}

// SaveSubscriptionInto is SaveSubscription where a new holiday subscription
// without a region id goes into the region called regionName (field
// "regionName" in errors). When no region has that name, the rest of the
// subscription is checked first and the region made only for a
// subscription that is saved.
func (s *Service) SaveSubscriptionInto(sub Subscription, regionName string) (Subscription, error) {
	name := strings.TrimSpace(regionName)
	if !sub.ID.IsZero() || !newHolidays(sub.Target, name) {
		return s.SaveSubscription(sub)
	}
	u, err := s.regionNamed(name)
	if err != nil {
		return Subscription{}, err
	}
	if !u.IsZero() {
		sub.Target.RegionID = u
		return s.SaveSubscription(sub)
	}
	probe := sub
	probe.Normalize()
	probe.Target.RegionID = id.New(s.clock.Now()) // stands for the region about to be made
	if err := probe.Validate(); err != nil {
		return Subscription{}, err
	}
	if sub.Target.RegionID, err = s.newRegion(name, "regionName"); err != nil {
		return Subscription{}, err
	}
	out, err := s.SaveSubscription(sub)
	if err != nil {
		s.dropRegion(sub.Target.RegionID)
	}
	return out, err
}
