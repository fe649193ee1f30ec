package dev.mistralboot.client.core;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteScanTests {

	@Test
	void findsTheFirstLineEndAtEveryPositionAndInEveryRange() {
		for (byte end : new byte[] { '\n', '\r' }) {
			for (int size = 0; size <= 40; size++) {
				for (int at = 0; at < size; at++) {
					byte[] bytes = filler(size, end);
					bytes[at] = end;
					assertEveryRange(bytes, "%s at %d of %d".formatted(end, at, size));
				}
			}
		}
	}

	private static void assertEveryRange(byte[] bytes, String description) {
		for (int from = 0; from <= bytes.length; from++) {
			for (int to = from; to <= bytes.length; to++) {
				assertThat(ByteScan.lineEnd(bytes, from, to)).as("%s, range %d to %d", description, from, to)
					.isEqualTo(naiveLineEnd(bytes, from, to));
			}
		}
	}

	@Test
	void bytesThatDifferOnlyInTheirHighBitOrByOneAreNotLineEnds() {
		// what a scan that tolerates false positives would report: 0x8A and 0x8D, the
		// bytes next to \n and \r, and a zero byte before a match
		byte[] bytes = { (byte) 0x8A, (byte) 0x8D, 0x0B, 0x0C, 0x09, 0x0E, 0, (byte) 0xFF, 0x0A };
		assertThat(ByteScan.lineEnd(bytes, 0, bytes.length)).isEqualTo(8);
		assertThat(ByteScan.lineEnd(bytes, 0, 8)).isEqualTo(8);
	}

	@Test
	void findsTheFirstPairAtEveryPositionAndInEveryRange() {
		for (int size = 0; size <= 40; size++) {
			for (int at = 0; at < size - 1; at++) {
				byte[] bytes = filler(size, (byte) '"');
				bytes[at] = '"';
				bytes[at + 1] = 'e';
				for (int from = 0; from <= size; from++) {
					for (int to = from; to <= size; to++) {
						assertThat(ByteScan.pair(bytes, from, to, (byte) '"', (byte) 'e'))
							.as("pair at %d of %d, range %d to %d", at, size, from, to)
							.isEqualTo(naivePair(bytes, from, to, (byte) '"', (byte) 'e'));
					}
				}
			}
		}
	}

	@Test
	void agreesWithAByteByByteSearchOnRandomBytesOfEveryValue() {
		Random random = new Random(20261203);
		for (int run = 0; run < 20_000; run++) {
			byte[] bytes = new byte[random.nextInt(80)];
			for (int i = 0; i < bytes.length; i++) {
				// every byte value, with the searched ones and their neighbours often
				int pick = random.nextInt(10);
				bytes[i] = switch (pick) {
					case 0 -> '\n';
					case 1 -> '\r';
					case 2 -> '"';
					case 3 -> 'e';
					case 4 -> (byte) ('"' | 0x80);
					default -> (byte) random.nextInt(256);
				};
			}
			int from = (bytes.length == 0) ? 0 : random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);
			assertThat(ByteScan.lineEnd(bytes, from, to)).isEqualTo(naiveLineEnd(bytes, from, to));
			assertThat(ByteScan.pair(bytes, from, to, (byte) '"', (byte) 'e'))
				.isEqualTo(naivePair(bytes, from, to, (byte) '"', (byte) 'e'));
			byte first = (byte) random.nextInt(256);
			byte second = (byte) random.nextInt(256);
			assertThat(ByteScan.pair(bytes, from, to, first, second))
				.isEqualTo(naivePair(bytes, from, to, first, second));
		}
	}

	@Test
	void findsAPairWhoseSecondByteIsTheLastOfTheRangeButNotOneCutByIt() {
		byte[] bytes = "0123456789abcdef\"e".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(ByteScan.pair(bytes, 0, bytes.length, (byte) '"', (byte) 'e')).isEqualTo(16);
		assertThat(ByteScan.pair(bytes, 0, bytes.length - 1, (byte) '"', (byte) 'e')).isEqualTo(-1);
	}

	/** Bytes that are not searched for (nor {@code except}), of many values. */
	private static byte[] filler(int size, byte except) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			byte value = (byte) (0x20 + (i * 37) % 0xD0);
			bytes[i] = (value == '\n' || value == '\r' || value == '"' || value == except) ? (byte) 'x' : value;
		}
		return bytes;
	}

	private static int naiveLineEnd(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				return i;
			}
		}
		return to;
	}

	private static int naivePair(byte[] bytes, int from, int to, byte first, byte second) {
		for (int i = from; i < to - 1; i++) {
			if (bytes[i] == first && bytes[i + 1] == second) {
				return i;
			}
		}
		return -1;
	}

}
