using Tripmate.Load.Commands;

// The project's load tool: seed data, run scenarios, write the performance report. See load-tests/README.md
// and `--help` on each command.
return await LoadCommandLine.InvokeAsync(args);
