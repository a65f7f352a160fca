package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Logs and whole-box actions. */
public interface SystemPort {

    /** The last {@code max} log lines, oldest first. */
    List<String> recentLog(int max);

    /** The last {@code max} warnings and errors, oldest first. */
    List<String> recentErrors(int max);

    /** Writes the full log (UTF-8 text) for download. */
    void writeFullLog(OutputStream out) throws IOException;

    /** Restarts the appliance program (returns before it happens). */
    void restartService();

    /** Reboots the box (returns before it happens). */
    void reboot();

    /** Erases config and state back to factory settings, then restarts (returns before it happens). */
    void factoryReset();
}
