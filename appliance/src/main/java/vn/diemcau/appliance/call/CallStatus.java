package vn.diemcau.appliance.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the room's call is. See {@link CallMachine} for the diagram.
 */
public sealed interface CallStatus {

    /** When this status began. */
    Instant since();

    /** The session this status is about, if any. */
    Optional<JoinRequest> session();

    /** No call. */
    record Idle(Instant since) implements CallStatus {
        public Idle {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public Optional<JoinRequest> session() {
            return Optional.empty();
        }
    }

    /** Joining {@code request}; {@code attempt} counts from 1; {@code requestedAt} is when the clerk or hub asked. */
    record Joining(JoinRequest request, int attempt, Instant requestedAt, Instant since) implements CallStatus {
        public Joining {
            Objects.requireNonNull(request, "request");
            if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }

        @Override
        public Optional<JoinRequest> session() {
            return Optional.of(request);
        }
    }

    /** In the call; {@code timeToJoin} from the request to media flowing. */
    record InCall(JoinRequest request, Duration timeToJoin, Instant since) implements CallStatus {
        public InCall {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(timeToJoin, "timeToJoin");
        }

        @Override
        public Optional<JoinRequest> session() {
            return Optional.of(request);
        }
    }

    /** Leaving {@code request}. */
    record Leaving(JoinRequest request, Instant since) implements CallStatus {
        public Leaving {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public Optional<JoinRequest> session() {
            return Optional.of(request);
        }
    }

    /** Waiting to retry {@code request} after a retryable failure; {@code nextAttempt} counts from 1. */
    record Retrying(JoinRequest request, int nextAttempt, String reason, Instant requestedAt, Instant retryAt,
                    Instant since) implements CallStatus {
        public Retrying {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<JoinRequest> session() {
            return Optional.of(request);
        }
    }

    /** Gave up: a non-retryable failure or too many attempts. A short press or a Join tries again. */
    record Failed(Optional<JoinRequest> request, String reason, Instant since) implements CallStatus {
        public Failed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<JoinRequest> session() {
            return request;
        }
    }
}
