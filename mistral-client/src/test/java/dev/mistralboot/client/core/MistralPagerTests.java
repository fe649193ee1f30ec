package dev.mistralboot.client.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MistralPagerTests {

	/**
	 * Serves {@code count} items in pages of {@code size}, recording which pages were
	 * asked for.
	 */
	private static TestPage serve(int page, int size, int count, @Nullable Long total, List<Integer> asked) {
		asked.add(page);
		int from = Math.min(page * size, count);
		int to = Math.min(from + size, count);
		return new TestPage(IntStream.range(from, to).boxed().toList(), total);
	}

	@Test
	void stopsWhenTheTotalIsReachedWithoutAskingForAnEmptyPage() {
		List<Integer> asked = new ArrayList<>();
		List<Integer> items = MistralPager.<Integer>stream(0, 2, (page) -> serve(page, 2, 6, 6L, asked)).toList();

		assertThat(items).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(asked).containsExactly(0, 1, 2);
	}

	@Test
	void withoutATotalStopsAfterAShortPage() {
		List<Integer> asked = new ArrayList<>();
		assertThat(MistralPager.<Integer>stream(0, 2, (page) -> serve(page, 2, 5, null, asked))).hasSize(5);
		assertThat(asked).containsExactly(0, 1, 2);
	}

	@Test
	void withoutATotalAFullLastPageCostsOneEmptyPage() {
		List<Integer> asked = new ArrayList<>();
		assertThat(MistralPager.<Integer>stream(0, 2, (page) -> serve(page, 2, 4, null, asked))).hasSize(4);
		assertThat(asked).containsExactly(0, 1, 2);
	}

	@Test
	void aServerThatCapsThePageSizeIsWalkedByItsTotal() {
		List<Integer> asked = new ArrayList<>();
		// asks for 10 per page, gets 3: the total says there is more
		assertThat(MistralPager.<Integer>stream(0, 10, (page) -> serve(page, 3, 7, 7L, asked))).hasSize(7);
		assertThat(asked).containsExactly(0, 1, 2);
	}

	@Test
	void isLazy() {
		List<Integer> asked = new ArrayList<>();
		Iterator<Integer> items = MistralPager.iterator(0, 2, (page) -> serve(page, 2, 100, 100L, asked));
		assertThat(asked).isEmpty();
		items.next();
		items.next();
		assertThat(asked).containsExactly(0);
		items.next();
		assertThat(asked).containsExactly(0, 1);
	}

	@Test
	void startsAtALaterPageAndCountsTheSkippedItemsTowardsTheTotal() {
		List<Integer> asked = new ArrayList<>();
		assertThat(MistralPager.<Integer>stream(1, 2, (page) -> serve(page, 2, 5, 5L, asked))).containsExactly(2, 3, 4);
		assertThat(asked).containsExactly(1, 2);
	}

	@Test
	void rejectsBadArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> MistralPager.stream(-1, 2, (page) -> null))
			.withMessageContaining("first page must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> MistralPager.stream(0, 0, (page) -> null))
			.withMessageContaining("page size must be at least 1");
	}

	record TestPage(List<Integer> data, @Nullable Long total) implements Page<Integer> {
	}

}
