package notify

import (
	"context"
	"time"
)

// ctxTimeout bounds a D-Bus call: a wedged bus must not hang the app.
func ctxTimeout() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	time.AfterFunc(2*time.Second, cancel)
	return ctx
}
