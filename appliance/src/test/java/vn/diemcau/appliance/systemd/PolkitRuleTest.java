package vn.diemcau.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code systemd/50-diemcau.rules} run in Duktape 2.7 — the JavaScript engine Debian 12's polkitd 122
 * itself embeds ({@code libduktape.so.207}, a dependency of Debian package {@code polkitd}) — under
 * a harness with the same {@code polkit} object polkitd's {@code init.js} defines (addRule, Result,
 * Action.lookup, Subject.isInGroup; first truthy answer wins). Checks that the file compiles in
 * that engine (ES5 only: an arrow function does not) and what it answers: only user {@code diemcau},
 * only reboot, only a restart of {@code diemcau-appliance.service}. A missing Duktape fails under
 * {@code CI=true} and skips otherwise.
 */
class PolkitRuleTest {

    static final Path RULE = Path.of("..", "systemd", "50-diemcau.rules");

    /** The part of libduktape's API this test needs (duktape.h of 2.7). */
    interface Duktape extends Library {
        int DUK_COMPILE_EVAL = 1 << 3;
        int DUK_COMPILE_SAFE = 1 << 7;
        int DUK_COMPILE_NOSOURCE = 1 << 9;
        int DUK_COMPILE_NOFILENAME = 1 << 11;

        Pointer duk_create_heap(Pointer alloc, Pointer realloc, Pointer free, Pointer udata, Pointer fatal);

        void duk_destroy_heap(Pointer ctx);

        int duk_eval_raw(Pointer ctx, Pointer src, NativeLong length, int flags);

        String duk_safe_to_lstring(Pointer ctx, int index, Pointer length);
    }

    /** polkitd's init.js, reduced to what rules can call; {@code decide} plays polkitd asking for one action. */
    static final String HARNESS = """
            var polkit = {
                _ruleFuncs: [],
                addRule: function (f) { this._ruleFuncs.push(f); },
                addAdminRule: function (f) { },
                log: function (m) { },
                spawn: function (argv) { throw new Error("polkit.spawn not expected"); },
                Result: { NO: "no", YES: "yes", AUTH_SELF: "auth_self", AUTH_SELF_KEEP: "auth_self_keep",
                          AUTH_ADMIN: "auth_admin", AUTH_ADMIN_KEEP: "auth_admin_keep", NOT_HANDLED: null }
            };
            function Action(id, details) {
                this.id = id;
                this.lookup = function (key) { return details[key]; };
            }
            function Subject(user, groups) {
                this.user = user; this.groups = groups; this.pid = 4242; this.seat = ""; this.session = "";
                this.local = false; this.active = false; this.system_unit = "diemcau-appliance.service";
                this.isInGroup = function (g) { return this.groups.indexOf(g) >= 0; };
                this.isInNetGroup = function (g) { return false; };
            }
            function decide(id, details, user) {
                var a = new Action(id, details), s = new Subject(user, user === "diemcau" ? ["video", "audio", "gpio", "input"] : []);
                for (var n = 0; n < polkit._ruleFuncs.length; n++) {
                    var r = polkit._ruleFuncs[n](a, s);
                    if (r) return r;
                }
                return "not_handled";
            }
            """;

    static Optional<Duktape> duktape = Optional.empty();

    @BeforeAll
    static void loadDuktape() {
        for (String name : List.of("libduktape.so.207", "duktape")) {
            try {
                duktape = Optional.of(Native.load(name, Duktape.class));
                return;
            } catch (UnsatisfiedLinkError e) {
                // next name
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("libduktape missing (install Debian package libduktape207, the engine of polkitd)");
        }
        assumeThat(duktape).as("libduktape (Debian package libduktape207)").isPresent();
    }

    @Test
    void rule_allowsDiemcauOnlyToRebootAndToRestartItsOwnUnit() throws Exception {
        String rule = Files.readString(RULE);
        String checks = String.join(" + ',' + ", List.of(
                "decide('org.freedesktop.login1.reboot', {}, 'diemcau')",
                "decide('org.freedesktop.login1.reboot-multiple-sessions', {}, 'diemcau')",
                unit("diemcau-appliance.service", "restart", "diemcau"),
                unit("diemcau-appliance.service", "try-restart", "diemcau"),
                unit("diemcau-appliance.service", "stop", "diemcau"),
                unit("diemcau-appliance.service", "start", "diemcau"),
                unit("diemcau-hub.service", "restart", "diemcau"),
                unit("ssh.service", "restart", "diemcau"),
                "decide('org.freedesktop.systemd1.manage-unit-files', {}, 'diemcau')",
                "decide('org.freedesktop.login1.power-off', {}, 'diemcau')",
                "decide('org.freedesktop.login1.reboot-ignore-inhibit', {}, 'diemcau')",
                "decide('org.freedesktop.login1.reboot', {}, 'www-data')",
                unit("diemcau-appliance.service", "restart", "nobody")));

        assertThat(eval(HARNESS + rule + "\n;" + checks)).isEqualTo(String.join(",",
                "yes", "yes", "yes", "yes", "not_handled", "not_handled", "not_handled", "not_handled",
                "not_handled", "not_handled", "not_handled", "not_handled", "not_handled"));
    }

    @Test
    void engine_refusesWhatPolkitdWouldNotLoad() {
        assertThat(eval(HARNESS + "polkit.addRule((action, subject) => polkit.Result.YES);\n;'loaded'")).startsWith("SyntaxError");
        assertThat(eval(HARNESS + "polkit.addRule(function (a, s) { return polkit.Result.YES; });\n;'loaded'")).isEqualTo("loaded");
    }

    private static String unit(String unit, String verb, String user) {
        return "decide('org.freedesktop.systemd1.manage-units', {unit: '" + unit + "', verb: '" + verb + "'}, '" + user + "')";
    }

    /** Evaluates {@code source} in a fresh Duktape heap: the result as a string, or the error's text. */
    private static String eval(String source) {
        Duktape duk = duktape.orElseThrow();
        Pointer ctx = duk.duk_create_heap(null, null, null, null, null);
        assertThat(ctx).as("duk_create_heap").isNotNull();
        try {
            byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
            Memory src = new Memory(bytes.length);
            src.write(0, bytes, 0, bytes.length);
            duk.duk_eval_raw(ctx, src, new NativeLong(bytes.length),
                    Duktape.DUK_COMPILE_EVAL | Duktape.DUK_COMPILE_SAFE | Duktape.DUK_COMPILE_NOSOURCE | Duktape.DUK_COMPILE_NOFILENAME);
            return duk.duk_safe_to_lstring(ctx, -1, null);
        } finally {
            duk.duk_destroy_heap(ctx);
        }
    }
}
