package vn.diemcau.appliance.admin;

/**
 * What a technician provisions: the box's identity and location, its hub credentials and the
 * conference it joins. Strings are never null (empty = not set); {@link ProvisioningForm}
 * checks them field by field before they reach a {@link ConfigPort}.
 *
 * @param boxId            the id the central admin issued, e.g. {@code xa-an-phu-01}
 * @param displayName      the name the centre sees, e.g. "UBND xã An Phú"
 * @param commune          commune / district
 * @param room             the room the box sits in, e.g. "Phòng tiếp công dân"
 * @param hubUrl           the hub's MQTT broker, {@code ssl://hub.example:8883} or {@code tcp://...}
 * @param hubUsername      MQTT user name (normally the box id)
 * @param hubPassword      MQTT password
 * @param conferenceServer Janus HTTP API, e.g. {@code https://meet.example/janus}
 * @param conferenceRoom   VideoRoom room number
 * @param conferencePin    room PIN (may be empty)
 */
public record Provisioning(String boxId, String displayName, String commune, String room, String hubUrl,
                           String hubUsername, String hubPassword, String conferenceServer, String conferenceRoom,
                           String conferencePin) {
    public Provisioning {
        Text.require(boxId, "boxId", 200);
        Text.require(displayName, "displayName", 200);
        Text.require(commune, "commune", 200);
        Text.require(room, "room", 200);
        Text.require(hubUrl, "hubUrl", 300);
        Text.require(hubUsername, "hubUsername", 200);
        Text.require(hubPassword, "hubPassword", 300);
        Text.require(conferenceServer, "conferenceServer", 300);
        Text.require(conferenceRoom, "conferenceRoom", 200);
        Text.require(conferencePin, "conferencePin", 200);
    }

    public static Provisioning empty() {
        return new Provisioning("", "", "", "", "", "", "", "", "", "");
    }

    public Provisioning withHubPassword(String password) {
        return new Provisioning(boxId, displayName, commune, room, hubUrl, hubUsername, password, conferenceServer,
                conferenceRoom, conferencePin);
    }

    public Provisioning withConferencePin(String pin) {
        return new Provisioning(boxId, displayName, commune, room, hubUrl, hubUsername, hubPassword, conferenceServer,
                conferenceRoom, pin);
    }

    @Override
    public String toString() {
        return "Provisioning[boxId=" + boxId + ", displayName=" + displayName + ", hubUrl=" + hubUrl
                + ", hubUsername=" + hubUsername + ", hubPassword=" + (hubPassword.isEmpty() ? "" : "***")
                + ", conferenceServer=" + conferenceServer + ", conferenceRoom=" + conferenceRoom + "]";
    }
}
