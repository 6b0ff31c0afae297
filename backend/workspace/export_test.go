package workspace

// Test-only access to the field walkers (privacy_test.go seeds canaries).
var (
	LeafPaths = leafPaths
	WalkValue = walkValue
)
