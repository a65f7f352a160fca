package vn.diemcau.simulator.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.simulator.BoxIdentity;
import vn.diemcau.simulator.Fault;

/**
 * Turns {@code --fault} options into faults per box. {@code FAULT=COUNT} gives the fault to the last
 * COUNT boxes that have no fault yet; {@code FAULT=id1,id2} to the named boxes.
 */
final class FaultSpec {

    private FaultSpec() {
    }

    static Map<DeviceId, Set<Fault>> assign(List<String> specs, List<BoxIdentity> boxes) {
        Map<DeviceId, Set<Fault>> faults = new HashMap<>();
        List<DeviceId> free = new ArrayList<>(boxes.stream().map(BoxIdentity::id).toList());
        for (String spec : specs) {
            String[] parts = spec.split("=", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("--fault wants FAULT=COUNT or FAULT=id,id: " + spec);
            }
            Fault fault = parseFault(parts[0]);
            String target = parts[1].strip();
            if (target.chars().allMatch(Character::isDigit)) {
                int count = Integer.parseInt(target);
                if (count > free.size()) {
                    throw new IllegalArgumentException("--fault " + spec + ": only " + free.size()
                            + " boxes without a fault are left");
                }
                for (int i = 0; i < count; i++) {
                    DeviceId id = free.removeLast();
                    faults.computeIfAbsent(id, k -> EnumSet.noneOf(Fault.class)).add(fault);
                }
            } else {
                for (String id : target.split(",")) {
                    DeviceId device = DeviceId.of(id.strip());
                    free.remove(device);
                    faults.computeIfAbsent(device, k -> EnumSet.noneOf(Fault.class)).add(fault);
                }
            }
        }
        return faults;
    }

    static Fault parseFault(String name) {
        try {
            return Fault.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault '" + name + "'; known: "
                    + List.of(Fault.values()).toString().toLowerCase(Locale.ROOT), e);
        }
    }
}
