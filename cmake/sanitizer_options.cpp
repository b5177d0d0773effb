// Runtime options of the sanitized build (ONREGEL_SANITIZE), linked into every executable so they
// hold however it is started: ctest, the CLI tests running the onregel binary, the viewer tests, by
// hand. Without them a finding ends the process with exit code 1, which is also onregel's own code
// for an input error, so a test expecting that exit would pass over a memory error. Aborting
// (SIGABRT) cannot be mistaken for any exit code. ASAN_OPTIONS / UBSAN_OPTIONS still override.
extern "C" const char* __asan_default_options() {
    return "halt_on_error=1:abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1";
}

extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:abort_on_error=1:print_stacktrace=1"; }
