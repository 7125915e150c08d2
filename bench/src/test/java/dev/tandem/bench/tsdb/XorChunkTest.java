package dev.tandem.bench.tsdb;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XorChunkTest {

    /** The bytes of a chunk, worked out by hand from the format description. */
    @Test
    void encodesTimestampsAndValuesAsTheFormatDescribes() {
        XorChunk chunk = new XorChunk();
        chunk.append(1000, 1.0);
        chunk.append(2000, 1.0);
        chunk.append(3000, 2.0);
        chunk.append(5000, 3.0);
        chunk.append(6000, 2.0);

        String bits = ""
                // 2nd value: 1.0 ^ 1.0 = 0 -> "0"
                + "0"
                // 3rd timestamp: delta 1000 again -> dod 0 -> "0"
                + "0"
                // 3rd value: 2.0 ^ 1.0 = 0x7FF0000000000000: 1 leading zero, 52 trailing, 11 meaningful bits;
                // no window yet -> "11", leading 00001, length 001011, the bits 11111111111
                + "11" + "00001" + "001011" + "11111111111"
                // 4th timestamp: delta 2000, dod +1000 -> "10" and 1000 in 14 bits
                + "10" + "00001111101000"
                // 4th value: 3.0 ^ 2.0 = 0x0008000000000000: 12 leading, 51 trailing; 51 < 52 trailing of the
                // window -> new window "11", 01100, length 000001, the bit 1
                + "11" + "01100" + "000001" + "1"
                // 5th timestamp: delta 1000, dod -1000 -> "10" and 2^14 - 1000 = 15384 in 14 bits
                + "10" + "11110000011000"
                // 5th value: 2.0 ^ 3.0 is the same XOR, inside the window -> "10" and its 1 meaningful bit
                + "10" + "1";
        byte[] expected = concat(new byte[] {
                0, 5,                                   // sample count
                (byte) 0xD0, 0x0F,                      // 1000 as a zig-zag varint: 2000 = 0x50 | 0x80, 0x0F
                0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0,    // 1.0
                (byte) 0xE8, 0x07,                      // delta 1000 as a uvarint
        }, bits(bits));
        assertThat(Arrays.copyOf(chunk.array(), chunk.length())).containsExactly(expected);
        assertThat(chunk.minTime()).isEqualTo(1000);
        assertThat(chunk.maxTime()).isEqualTo(6000);
    }

    @Test
    void widerDeltaOfDeltaBucketsAndAFullWidthXor() {
        XorChunk chunk = new XorChunk();
        chunk.append(0, 0.0);
        chunk.append(10, -0.0);                  // XOR is the sign bit alone: 0 leading, 63 trailing
        chunk.append(8_212, -0.0);               // dod 8192: the top of the 14-bit bucket
        chunk.append(16_415, -0.0);              // dod 1: 14 bits
        chunk.append(16_415 + 8_203 + 65_536, Double.longBitsToDouble(0x8000000000000001L)); // dod 65536: 17 bits
        String bits = ""
                // 2nd value: the XOR is the sign bit alone (0 leading, 63 trailing) -> new window, 1 bit
                + "11" + "00000" + "000001" + "1"
                // dod 8192, the top of the 14-bit bucket; value unchanged
                + "10" + "10000000000000" + "0"
                // dod 1; value unchanged
                + "10" + "00000000000001" + "0"
                // dod 65536, the top of the 17-bit bucket
                + "110" + "10000000000000000"
                // XOR 1: its 63 leading zeros are clamped to 31, and it has fewer trailing zeros than the
                // window -> new window: 31 leading, 33 meaningful bits
                + "11" + "11111" + "100001" + "0".repeat(32) + "1";
        byte[] expected = concat(new byte[] {0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10}, bits(bits));
        assertThat(Arrays.copyOf(chunk.array(), chunk.length())).containsExactly(expected);
    }

    @Test
    void rejectsTimestampsThatDoNotIncrease() {
        XorChunk chunk = new XorChunk();
        chunk.append(5, 1);
        assertThatThrownBy(() -> chunk.append(5, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase");
    }

    private static byte[] bits(String bits) {
        byte[] out = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
