package dev.mistralboot.client.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches of a byte array eight bytes at a time, for the scans every chunk of a stream
 * goes through before Jackson reads it (line ends, error markers). A word of eight bytes
 * is compared with a byte repeated eight times, and the bytes that match are found with
 * the exact "has a zero byte" test (no false positives, so no second check is needed): on
 * chunks of a few hundred bytes this is several times faster than a loop over the bytes,
 * and it needs neither {@code jdk.incubator.vector} nor anything the JDK 17 runtime or a
 * native image lacks (the long view of a byte array is a plain {@link VarHandle}).
 */
final class ByteScan {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;

	private static final long LINE_FEEDS = ONES * '\n';

	private static final long CARRIAGE_RETURNS = ONES * '\r';

	private ByteScan() {
	}

	/**
	 * The position of the first {@code \n} or {@code \r} from {@code from}, or {@code to}
	 * when there is none before it.
	 * @param bytes the bytes
	 * @param from the first position searched
	 * @param to the position after the last one searched
	 * @return the position found, or {@code to}
	 */
	static int lineEnd(byte[] bytes, int from, int to) {
		int i = from;
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long found = zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS);
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				return i;
			}
		}
		return to;
	}

	/**
	 * The position of the first {@code first} directly followed by {@code second}, at or
	 * after {@code from} and with both bytes before {@code to}, or -1.
	 * @param bytes the bytes
	 * @param from the first position searched
	 * @param to the position after the last byte that may be part of the pair
	 * @param first the first byte of the pair
	 * @param second the byte that follows it
	 * @return the position of {@code first}, or -1
	 */
	static int pair(byte[] bytes, int from, int to, byte first, byte second) {
		long firsts = ONES * (first & 0xFF);
		long seconds = ONES * (second & 0xFF);
		int i = from;
		// a word at i and the word one byte further: a byte of both matching is a pair
		for (; i <= to - Long.BYTES - 1; i += Long.BYTES) {
			long here = (long) LONGS.get(bytes, i);
			long next = (long) LONGS.get(bytes, i + 1);
			long found = zeroBytes((here ^ firsts) | (next ^ seconds));
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to - 1; i++) {
			if (bytes[i] == first && bytes[i + 1] == second) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The high bit of each byte of {@code word} that is zero, and nothing else: the low
	 * seven bits plus {@code 0x7F} carry into the high bit unless they are all zero, and
	 * no carry crosses into the next byte.
	 */
	private static long zeroBytes(long word) {
		long carried = (word & LOW_SEVEN_BITS) + LOW_SEVEN_BITS;
		return ~(carried | word | LOW_SEVEN_BITS);
	}

}
