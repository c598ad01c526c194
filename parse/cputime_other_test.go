//go:build !unix

package parse_test

import "time"

// cpuTime is unknown here; benchmarks then skip the per-CPU-second metric.
func cpuTime() time.Duration { return 0 }
