package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The box's primary network interface. {@code address} may be empty when it has none. */
public record Network(
        @JsonProperty(required = true) String interfaceName,
        @JsonProperty(required = true) String address,
        @JsonProperty(required = true) long rxBytes,
        @JsonProperty(required = true) long txBytes) {
    public Network {
        Check.textOrEmpty(interfaceName, "interfaceName", 32);
        Check.textOrEmpty(address, "address", 64);
        Check.atLeast(rxBytes, 0, "rxBytes");
        Check.atLeast(txBytes, 0, "txBytes");
    }
}
