package dev.mistralboot.sample.audio;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The chime is a valid WAV file, as the JDK's own audio reader and the header's bytes
 * tell: PCM, 16-bit, mono, the asked sample rate and length, and audible without
 * clipping.
 */
class ChimeTests {

	@Test
	void theDefaultChimeIsA16BitMonoPcmWavOf1200Milliseconds() throws Exception {
		byte[] wav = Chime.wav();

		AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
		assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
		AudioFormat format = file.getFormat();
		assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
		assertThat(format.getSampleRate()).isEqualTo(16_000f);
		assertThat(format.getSampleSizeInBits()).isEqualTo(16);
		assertThat(format.getChannels()).isEqualTo(1);
		assertThat(format.isBigEndian()).isFalse();
		assertThat(file.getFrameLength()).isEqualTo(19_200);
		try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
			assertThat(audio.getFrameLength() / audio.getFormat().getFrameRate()).isEqualTo(1.2f);
		}
		assertThat(wav).hasSize(Chime.HEADER_SIZE + 19_200 * 2);
	}

	@Test
	void theHeaderSaysWhatFollows() {
		byte[] wav = Chime.wav(Duration.ofMillis(500), 8_000);

		ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(ascii(wav, 0)).isEqualTo("RIFF");
		assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
		assertThat(ascii(wav, 8)).isEqualTo("WAVE");
		assertThat(ascii(wav, 12)).isEqualTo("fmt ");
		assertThat(header.getInt(16)).isEqualTo(16);
		assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
		assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
		assertThat(header.getInt(24)).as("sample rate").isEqualTo(8_000);
		assertThat(header.getInt(28)).as("bytes per second").isEqualTo(16_000);
		assertThat(header.getShort(32)).as("bytes per frame").isEqualTo((short) 2);
		assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) 16);
		assertThat(ascii(wav, 36)).isEqualTo("data");
		assertThat(header.getInt(40)).isEqualTo(4_000 * 2).isEqualTo(wav.length - Chime.HEADER_SIZE);
	}

	@Test
	void itIsAudibleAndNeverClips() {
		byte[] wav = Chime.wav();

		ByteBuffer samples = ByteBuffer.wrap(wav, Chime.HEADER_SIZE, wav.length - Chime.HEADER_SIZE)
			.order(ByteOrder.LITTLE_ENDIAN);
		int peak = 0;
		int zeroCrossings = 0;
		short previous = 0;
		while (samples.remaining() >= 2) {
			short sample = samples.getShort();
			peak = Math.max(peak, Math.abs(sample));
			if ((previous < 0) != (sample < 0)) {
				zeroCrossings++;
			}
			previous = sample;
		}
		assertThat(peak).as("loud enough to hear").isGreaterThan(Short.MAX_VALUE / 4);
		assertThat(peak).as("no clipping").isLessThan(Short.MAX_VALUE);
		// two notes of 880 Hz and 659 Hz for 0.6 s each cross zero about 1850 times
		assertThat(zeroCrossings).isBetween(1_500, 2_300);
	}

	@Test
	void rejectsLengthsAndRatesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Chime.wav(Duration.ZERO, 16_000))
			.withMessageContaining("more than 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Chime.wav(Duration.ofSeconds(61), 16_000))
			.withMessageContaining("at most 60 seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> Chime.wav(Duration.ofSeconds(1), 4_000))
			.withMessageContaining("between 8000 and 48000");
	}

	private static String ascii(byte[] wav, int offset) {
		return new String(wav, offset, 4, StandardCharsets.US_ASCII);
	}

}
