package vn.diemcau.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.hub.registry.HardwareKind;
import vn.diemcau.hub.registry.IssuedCredentials;
import vn.diemcau.hub.registry.NewBox;
import vn.diemcau.hub.testing.Databases;
import vn.diemcau.hub.testing.LazyPostgres;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.Role;
import vn.diemcau.hub.users.UserDirectory;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RegistryAndUsersIT {
  @RegisterExtension static final LazyPostgres PG = new LazyPostgres();

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Databases.class)
  void registry_registerRotateDisableDelete_credentialsFollow(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      BoxRegistry reg = new BoxRegistry(db.jdbc(), Clock.systemUTC());
      IssuedCredentials issued = reg.register(new NewBox("xa-an-phu-01", "An Phú", "An Phú", "Phòng 1", HardwareKind.PI5));
      assertThat(reg.authenticate("xa-an-phu-01", issued.password())).isTrue();
      assertThat(reg.authenticate("xa-an-phu-01", "wrong")).isFalse();
      assertThat(reg.enabledPasswordHashes().get("xa-an-phu-01")).startsWith("$7$");
      assertThatThrownBy(() -> reg.register(new NewBox("xa-an-phu-01", "x", "y", "", HardwareKind.PI4)))
          .isInstanceOf(HubException.class).hasMessageContaining("already registered");

      IssuedCredentials rotated = reg.rotate("xa-an-phu-01");
      assertThat(reg.authenticate("xa-an-phu-01", issued.password())).isFalse();
      assertThat(reg.authenticate("xa-an-phu-01", rotated.password())).isTrue();

      reg.setEnabled("xa-an-phu-01", false);
      assertThat(reg.authenticate("xa-an-phu-01", rotated.password())).isFalse();
      assertThat(reg.enabledPasswordHashes()).isEmpty();
      reg.setEnabled("xa-an-phu-01", true);

      // A second registry over the same database (a hub restart) sees the same credentials.
      BoxRegistry again = new BoxRegistry(db.jdbc(), Clock.systemUTC());
      assertThat(again.authenticate("xa-an-phu-01", rotated.password())).isTrue();
      assertThat(again.require("xa-an-phu-01").displayName()).isEqualTo("An Phú");

      again.delete("xa-an-phu-01");
      assertThat(again.find("xa-an-phu-01")).isEmpty();
      assertThat(again.authenticate("xa-an-phu-01", rotated.password())).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void users_initialAdminLoginAndTokens_work(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      UserDirectory users = new UserDirectory(db.jdbc(), Clock.systemUTC(), Duration.ofHours(1));
      Optional<String> pw = users.ensureInitialAdmin();
      assertThat(pw).isPresent();
      assertThat(users.ensureInitialAdmin()).isEmpty();

      var token = users.login("admin", pw.get()).orElseThrow();
      assertThat(users.resolve(token.token()).orElseThrow().can(Permission.ADMINISTER)).isTrue();
      assertThat(users.login("admin", "not-the-password")).isEmpty();

      users.create("op.an-phu", "operator-password-1", Role.OPERATOR, Set.of("An Phú"));
      var op = users.resolve(users.login("op.an-phu", "operator-password-1").orElseThrow().token()).orElseThrow();
      assertThat(op.can(Permission.COMMAND_SESSION)).isTrue();
      assertThat(op.can(Permission.MANAGE_BOXES)).isFalse();
      assertThat(op.covers("An Phú")).isTrue();
      assertThat(op.covers("Bình Minh")).isFalse();

      users.logout(token.token());
      assertThat(users.resolve(token.token())).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void audit_recordsAndLists_newestFirst(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      AuditLog audit = new AuditLog(db.jdbc(), Clock.systemUTC());
      audit.record("admin", "box.register", "xa-1", "{}", "ok");
      audit.record("op", "command.join", "xa-2", "{\"room\":\"r\"}", "succeeded");
      assertThat(audit.list(Optional.empty(), Optional.empty(), Optional.empty(), 10)).hasSize(2);
      assertThat(audit.list(Optional.empty(), Optional.of("op"), Optional.empty(), 10))
          .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("command.join"));
    }
  }
}
