package engine_test

import (
	"io/fs"
	"runtime"

	"github.com/chronicle-news/chronicle/models"
)

func runtimeCores() int { return runtime.GOMAXPROCS(0) }

func modelsFS() fs.FS { return models.FS() }
