package vn.diemcau.simulator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.simulator.Simulator;

/**
 * Line commands on standard input, so a test or the demo can drive a simulator process:
 * <pre>
 * kill ID | stop ID | start ID | inject ID FAULT | clear ID FAULT | stats
 * </pre>
 * Each line is answered with {@code ok ...} or {@code error: ...} on standard output.
 */
final class ControlLoop implements Runnable {
    private final Simulator simulator;
    private final BufferedReader in;
    private final PrintStream out;

    ControlLoop(Simulator simulator, BufferedReader in, PrintStream out) {
        this.simulator = simulator;
        this.in = in;
        this.out = out;
    }

    @Override
    public void run() {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.println(handle(line.strip()));
                    out.flush();
                }
            }
        } catch (IOException e) {
            out.println("error: standard input: " + e.getMessage());
        }
    }

    String handle(String line) {
        String[] words = line.split("\\s+");
        try {
            String verb = words[0].toLowerCase(Locale.ROOT);
            switch (verb) {
                case "stats" -> {
                    return "ok " + simulator.stats();
                }
                case "kill", "stop", "start" -> {
                    DeviceId id = DeviceId.of(arg(words, 1));
                    simulator.box(id);
                    switch (verb) {
                        case "kill" -> simulator.kill(id);
                        case "stop" -> simulator.stop(id);
                        default -> simulator.start(id);
                    }
                    return "ok " + verb + " " + id.value();
                }
                case "inject", "clear" -> {
                    var box = simulator.box(DeviceId.of(arg(words, 1)));
                    var fault = FaultSpec.parseFault(arg(words, 2));
                    if (verb.equals("inject")) {
                        box.inject(fault);
                    } else {
                        box.clear(fault);
                    }
                    return "ok " + verb + " " + box.id().value() + " " + fault;
                }
                default -> {
                    return "error: unknown command '" + words[0] + "' (kill, stop, start, inject, clear, stats)";
                }
            }
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String arg(String[] words, int index) {
        if (words.length <= index) {
            throw new IllegalArgumentException("missing argument " + index + " in '" + String.join(" ", words) + "'");
        }
        return words[index];
    }
}
