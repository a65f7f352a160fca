package vn.diemcau.protocol;

/**
 * The stages of a command reply: first {@link #ACCEPTED} or {@link #REJECTED}, then after an
 * ACCEPTED, {@link #SUCCEEDED} or {@link #FAILED}.
 */
public enum ReplyStage {
    ACCEPTED, REJECTED, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this != ACCEPTED;
    }
}
