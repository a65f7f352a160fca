package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.nio.file.Path;

/** An admin page state directory as a box has it after its first start (for benchmarks of a later start). */
public final class AdminStateFixture {
    private AdminStateFixture() {
    }

    /**
     * Creates {@code stateDir/admin} as a box in service has it: the page's certificate (made on the
     * box's first start) and a technician password (first run done, so no setup code on the TV).
     */
    public static void firstRunDone(Path stateDir, String password) throws IOException {
        Path admin = AdminSettings.defaults(stateDir).adminDir();
        AdminFiles.ensureDir(admin);
        SelfSignedCertificate.ensure(admin);
        new Credentials(admin, 1_000).setPassword(password);
    }
}
