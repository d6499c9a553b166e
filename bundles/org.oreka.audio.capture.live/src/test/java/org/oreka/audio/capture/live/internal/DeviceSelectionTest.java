package org.oreka.audio.capture.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.oreka.audio.capture.live.internal.DeviceSelection.Interface;

/** Checks which devices the Devices setting selects, including the default-device rule. */
class DeviceSelectionTest {

    /** What libpcap 1.10 enumerates on a Linux host: interfaces up first, pseudo-devices last. */
    private static final List<Interface> LINUX = interfaces("eth0", "wlo1", "any", "lo", "-ifb0",
            "-bluetooth-monitor", "-nflog", "-nfqueue", "-dbus-system", "-dbus-session");

    @Test
    void namedDevicesAreOpenedAsListedWithoutTheInterfaceList() {
        DeviceSelection selection = DeviceSelection.parse(" eth1, eth2 ,,eth1", "");
        assertFalse(selection.needsInterfaceList());
        assertEquals(List.of("eth1", "eth2"), selection.choose(LINUX));
    }

    @Test
    void allOpensEveryInterfaceButTheAnyPseudoDevice() {
        DeviceSelection selection = DeviceSelection.parse("ALL", "");
        assertTrue(selection.needsInterfaceList());
        assertEquals(List.of("eth0", "wlo1", "lo", "ifb0", "bluetooth-monitor", "nflog", "nfqueue", "dbus-system",
                "dbus-session"), selection.choose(LINUX));
    }

    @Test
    void theLegacyDeviceKeyCountsWhenDevicesIsEmpty() {
        assertEquals(List.of("eth3"), DeviceSelection.parse("", "eth3").choose(LINUX));
        assertEquals(List.of("eth1"), DeviceSelection.parse("eth1", "eth3").choose(LINUX));
    }

    @Test
    void nothingNamedPicksTheLastInterfaceUpThatIsNotLoopbackAnyOrDialup() {
        DeviceSelection selection = DeviceSelection.parse(" ", "");
        assertTrue(selection.needsInterfaceList());
        assertEquals(List.of("wlo1"), selection.choose(LINUX));
        assertEquals(Optional.of("eth0"), DeviceSelection.defaultDevice(interfaces("eth0", "any", "lo", "Dialup-1")));
    }

    @Test
    void namesThatMerelyContainLoQualifyAsDefaultDevice() {
        assertEquals(Optional.of("wlo1"), DeviceSelection.defaultDevice(interfaces("eth0", "wlo1", "lo")));
        assertEquals(Optional.of("enp0s31f6"), DeviceSelection.defaultDevice(interfaces("lo", "enp0s31f6", "LO")));
        assertEquals(Optional.of("eno2"), DeviceSelection.defaultDevice(interfaces("eno2", "my-dialup0")));
    }

    @Test
    void interfacesThatAreDownAreNoDefaultDevice() {
        assertEquals(Optional.of("eth0"), DeviceSelection.defaultDevice(interfaces("eth0", "-eth1", "-dbus-session")));
        assertEquals(Optional.empty(), DeviceSelection.defaultDevice(interfaces("lo", "any", "ppp-dialup", "-eth1")));
        assertEquals(List.of(), DeviceSelection.parse("", "").choose(interfaces("lo")));
    }

    /** Interfaces by name, a leading '-' marking one that is down. */
    private static List<Interface> interfaces(String... names) {
        List<Interface> interfaces = new ArrayList<>();
        for (String name : names) {
            interfaces.add(name.startsWith("-") ? new Interface(name.substring(1), false) : new Interface(name, true));
        }
        return interfaces;
    }
}
