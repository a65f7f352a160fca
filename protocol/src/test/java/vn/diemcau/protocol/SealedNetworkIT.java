package vn.diemcau.protocol;
import org.junit.jupiter.api.Test;
import java.net.NetworkInterface;
import static org.assertj.core.api.Assertions.assertThat;
/** Integration tests run in a private network namespace (tools/netns-jdk): this proves it. */
class SealedNetworkIT {
  @Test void integrationTestJvm_runsInSealedNamespace_withVethForIce() throws Exception {
    var names = NetworkInterface.networkInterfaces().map(NetworkInterface::getName).toList();
    System.out.println("interfaces: " + names);
    assertThat(names).contains("lo", "veth0", "veth1");
  }
}
