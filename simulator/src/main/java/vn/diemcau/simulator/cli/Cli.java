package vn.diemcau.simulator.cli;

import picocli.CommandLine;

/** What the simulator's programs share: log configuration and exceptions ending as one line and an exit code. */
public final class Cli {
    /** Exit code for a failure while running (bad file, unreachable broker, ...). */
    public static final int FAILED = 1;

    private Cli() {
    }

    /** Points logback at the simulator's console configuration unless one was chosen already. */
    public static void useOwnLogConfig() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "diemcau-simulator-logback.xml");
        }
    }

    /** A picocli command line whose execution exceptions print {@code error: message} and exit {@value #FAILED}. */
    public static CommandLine commandLine(Object command) {
        return new CommandLine(command).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        });
    }
}
