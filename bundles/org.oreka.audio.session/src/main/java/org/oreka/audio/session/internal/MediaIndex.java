package org.oreka.audio.session.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the sessions that own a media address (usually one; several when legs of a protocol that shares media,
 * like Skinny phones in one conversation, are all recorded): an open-addressing long-keyed table for IPv4 (no
 * allocation per lookup) and a hash map for IPv6. The owner arrays are never modified in place. Used under the
 * tracker's lock.
 */
final class MediaIndex {

    private static final long EMPTY = -1L;

    private long[] keys = new long[1024];
    private CallSession[][] values = new CallSession[1024][];
    private int size;
    private final Map<MediaKey, CallSession[]> ipv6 = new HashMap<>();

    MediaIndex() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** The owners of an address, or null. */
    CallSession[] get(MediaKey key) {
        return key.isIpv4() ? getIpv4(key.packed()) : ipv6.get(key);
    }

    CallSession[] getIpv4(long packed) {
        int mask = keys.length - 1;
        for (int i = slot(packed, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == packed) {
                return values[i];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /** Sets the owners of an address. */
    void put(MediaKey key, CallSession[] owners) {
        if (!key.isIpv4()) {
            ipv6.put(key, owners);
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long packed = key.packed();
        int mask = keys.length - 1;
        for (int i = slot(packed, mask);; i = (i + 1) & mask) {
            if (keys[i] == packed) {
                values[i] = owners;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = packed;
                values[i] = owners;
                size++;
                return;
            }
        }
    }

    /** Removes {@code session} from the owners of the address. */
    void remove(MediaKey key, CallSession session) {
        CallSession[] owners = get(key);
        if (owners == null) {
            return;
        }
        CallSession[] rest = java.util.Arrays.stream(owners).filter(o -> o != session).toArray(CallSession[]::new);
        if (rest.length == owners.length) {
            return;
        }
        if (rest.length > 0) {
            put(key, rest);
        } else if (!key.isIpv4()) {
            ipv6.remove(key);
        } else {
            delete(key.packed());
        }
    }

    private void delete(long packed) {
        int mask = keys.length - 1;
        for (int i = slot(packed, mask);; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                return;
            }
            if (keys[i] == packed) {
                // Backward-shift deletion keeps probe chains intact without tombstones.
                int hole = i;
                for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
                    int home = slot(keys[j], mask);
                    boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
                    if (movable) {
                        keys[hole] = keys[j];
                        values[hole] = values[j];
                        hole = j;
                    }
                }
                keys[hole] = EMPTY;
                values[hole] = null;
                size--;
                return;
            }
        }
    }

    int size() {
        return size + ipv6.size();
    }

    private void grow() {
        long[] oldKeys = keys;
        CallSession[][] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new CallSession[oldKeys.length * 2][];
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i], mask);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
                size++;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
