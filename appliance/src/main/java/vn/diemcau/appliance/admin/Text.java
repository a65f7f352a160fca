package vn.diemcau.appliance.admin;

/** Small checks for record components. */
final class Text {
    private Text() {
    }

    static String require(String value, String name, int maxLength) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
        if (value.length() > maxLength) throw new IllegalArgumentException(name + " longer than " + maxLength + " characters");
        return value;
    }
}
