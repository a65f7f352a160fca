package vn.diemcau.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void hash_isMosquittoSevenFormat_andVerifies() {
    String h = PasswordHash.hash("correct horse", 101);
    assertThat(h).matches("\\$7\\$101\\$[A-Za-z0-9+/=]{16}\\$[A-Za-z0-9+/=]{88}");
    assertThat(PasswordHash.verify("correct horse", h)).isTrue();
    assertThat(PasswordHash.verify("correct horsE", h)).isFalse();
  }

  @Test
  void verify_malformedStored_false() {
    assertThat(PasswordHash.verify("x", "")).isFalse();
    assertThat(PasswordHash.verify("x", "$6$abc$def")).isFalse();
    assertThat(PasswordHash.verify("x", "$7$notanumber$AAAA$AAAA")).isFalse();
    assertThat(PasswordHash.verify("x", "$7$10$!!!$AAAA")).isFalse();
  }

  @Test
  void verify_hashMadeByMosquittoPasswd_matches() {
    // Made by Debian's mosquitto_passwd 2.0.11: mosquitto_passwd -b -c FILE box secret-password
    String fromMosquitto = "$7$101$UMqL/YSYH5i2ru7E$gZi/2DgXq7cn8Fr4EjJfEL6GMkiZLZh3S+F25AY4KZ4gSUWn9qdXm3J8mPCZLUl1"
        + "dTS15s3SClwkKLmqEmSjdg==";
    assertThat(PasswordHash.verify("secret-password", fromMosquitto)).isTrue();
    assertThat(PasswordHash.verify("secret-passwore", fromMosquitto)).isFalse();
  }
}
