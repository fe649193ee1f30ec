package dev.mistralboot.sample.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The sample's own audio, made in code rather than downloaded: a short two-note chime as
 * a WAV file (RIFF, 16-bit signed little-endian mono PCM). Each note fades out like a
 * struck bell; the whole file is {@value #HEADER_SIZE} header bytes followed by the
 * samples.
 */
public final class Chime {

	/** The sample rate of the chime, in samples per second. */
	public static final int SAMPLE_RATE = 16_000;

	/** The size of a canonical WAV header: RIFF, {@code fmt } and {@code data} chunks. */
	public static final int HEADER_SIZE = 44;

	/** How long the default chime plays. */
	public static final Duration LENGTH = Duration.ofMillis(1_200);

	private static final double[] NOTES = { 880.0, 659.25 };

	private Chime() {
	}

	/**
	 * The default chime: {@link #LENGTH} long, at {@link #SAMPLE_RATE} Hz.
	 * @return the WAV bytes
	 */
	public static byte[] wav() {
		return wav(LENGTH, SAMPLE_RATE);
	}

	/**
	 * A chime of a given length and sample rate: the first note for the first half, the
	 * second for the rest.
	 * @param length how long it plays (more than 0, at most a minute)
	 * @param sampleRate samples per second (8000 to 48000)
	 * @return the WAV bytes
	 * @throws IllegalArgumentException when the length or the rate is out of range
	 */
	public static byte[] wav(Duration length, int sampleRate) {
		if (length == null || length.isNegative() || length.isZero() || length.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("A chime lasts more than 0 and at most 60 seconds, not " + length);
		}
		if (sampleRate < 8_000 || sampleRate > 48_000) {
			throw new IllegalArgumentException("The sample rate must be between 8000 and 48000 Hz, was " + sampleRate);
		}
		int samples = (int) Math.max(1, length.toNanos() * sampleRate / 1_000_000_000L);
		int dataSize = samples * 2;
		ByteBuffer wav = ByteBuffer.allocate(HEADER_SIZE + dataSize).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(ascii("RIFF")).putInt(36 + dataSize).put(ascii("WAVE"));
		wav.put(ascii("fmt ")).putInt(16);
		wav.putShort((short) 1); // PCM
		wav.putShort((short) 1); // mono
		wav.putInt(sampleRate);
		wav.putInt(sampleRate * 2); // bytes per second
		wav.putShort((short) 2); // bytes per sample frame
		wav.putShort((short) 16); // bits per sample
		wav.put(ascii("data")).putInt(dataSize);
		int perNote = (samples + NOTES.length - 1) / NOTES.length;
		int attack = Math.max(1, sampleRate / 200);
		for (int i = 0; i < samples; i++) {
			int note = Math.min(NOTES.length - 1, i / perNote);
			int t = i - note * perNote;
			double seconds = t / (double) sampleRate;
			// a quick attack, then an exponential decay, as a struck bell
			double envelope = Math.min(1.0, t / (double) attack) * Math.exp(-4.0 * seconds);
			double value = Math.sin(2 * Math.PI * NOTES[note] * seconds) * 0.6
					+ Math.sin(2 * Math.PI * NOTES[note] * 2 * seconds) * 0.15;
			wav.putShort((short) Math.round(value * envelope * 0.5 * Short.MAX_VALUE));
		}
		return wav.array();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
