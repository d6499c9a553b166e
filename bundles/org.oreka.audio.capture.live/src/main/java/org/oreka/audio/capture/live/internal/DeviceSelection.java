package org.oreka.audio.capture.live.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which interfaces to capture, from Oreka's {@code Devices} setting: named interfaces, {@code all} of them, or
 * when nothing is named the "default device".
 *
 * @param named the interfaces named, in order; empty for {@code all} and for the default device
 * @param all whether every interface is wanted
 */
record DeviceSelection(List<String> named, boolean all) {

    /** libpcap's pseudo-device that captures every interface at once (in Linux-cooked framing). */
    static final String ANY = "any";
    private static final String LOOPBACK = "lo";

    /**
     * A device as libpcap enumerates it.
     *
     * @param name the device name
     * @param up whether the interface is up
     */
    record Interface(String name, boolean up) {
    }

    /**
     * Reads {@code Devices} (comma-separated names or {@code all}), falling back to the legacy single-name
     * {@code Device} when {@code Devices} is empty.
     */
    static DeviceSelection parse(String devices, String legacyDevice) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : (devices.isBlank() ? legacyDevice : devices).split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        if (names.size() == 1 && names.iterator().next().equalsIgnoreCase("all")) {
            return new DeviceSelection(List.of(), true);
        }
        return new DeviceSelection(List.copyOf(names), false);
    }

    /** Whether choosing needs the machine's interface list. */
    boolean needsInterfaceList() {
        return all || named.isEmpty();
    }

    /**
     * The devices to open, given the interfaces libpcap enumerates in its order. {@code all} leaves out
     * {@value #ANY}, which would deliver every frame a second time.
     */
    List<String> choose(List<Interface> interfaces) {
        if (all) {
            List<String> every = new ArrayList<>();
            for (Interface device : interfaces) {
                if (!device.name().equals(ANY)) {
                    every.add(device.name());
                }
            }
            return every;
        }
        if (!named.isEmpty()) {
            return named;
        }
        return defaultDevice(interfaces).map(List::of).orElse(List.of());
    }

    /**
     * Oreka's default device: the last interface that is neither the loopback, nor {@value #ANY}, nor a dial-up
     * link. Two differences: names that merely contain "lo", such as {@code wlo1}, qualify (Oreka skips them),
     * and only interfaces that are up count, because libpcap now also lists D-Bus, netfilter, USB and Bluetooth
     * monitors, never up, after the network interfaces, so that the last device would be one of them.
     */
    static Optional<String> defaultDevice(List<Interface> interfaces) {
        String chosen = null;
        for (Interface device : interfaces) {
            String lower = device.name().toLowerCase(Locale.ROOT);
            if (device.up() && !lower.equals(LOOPBACK) && !lower.equals(ANY) && !lower.contains("dialup")) {
                chosen = device.name();
            }
        }
        return Optional.ofNullable(chosen);
    }
}
