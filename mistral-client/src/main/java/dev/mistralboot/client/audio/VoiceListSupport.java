package dev.mistralboot.client.audio;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mistralboot.client.core.Page;

/**
 * The hand-written part of {@link VoiceList}: a {@link Page} of its items, so that
 * {@link dev.mistralboot.client.core.MistralPager} walks every voice.
 */
public interface VoiceListSupport extends Page<Voice> {

	/**
	 * The voices of this page.
	 * @return the voices
	 */
	List<Voice> items();

	/**
	 * The voices of this page (the same as {@link #items()}).
	 * @return the voices
	 */
	@Override
	@JsonIgnore
	default List<Voice> data() {
		return items();
	}

}
