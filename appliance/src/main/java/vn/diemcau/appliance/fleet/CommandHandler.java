package vn.diemcau.appliance.fleet;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.ReportedState;

/**
 * What the fleet agent asks of the rest of the appliance. Called on the fleet agent's thread:
 * return quickly and finish the work elsewhere (the returned stage).
 */
public interface CommandHandler {

    /**
     * Starts a hub command. Returning means ACCEPTED; the stage's value is the SUCCEEDED result, its
     * failure the FAILED reason.
     *
     * @throws CommandRejectedException to reply REJECTED (e.g. "reboot disabled in devMode")
     */
    CompletionStage<Map<String, Object>> execute(CommandRequest request);

    /** Applies a newer desired state (config, "be in this session"); the stage completes when done. */
    CompletionStage<Void> applyDesired(DesiredState desired);

    /** What the box currently runs, for the retained REPORTED topic. */
    ReportedState reported();

    /** A command the box refuses without starting it; the message is the REJECTED reason. */
    final class CommandRejectedException extends RuntimeException {
        public CommandRejectedException(String reason) {
            super(reason);
        }
    }
}
