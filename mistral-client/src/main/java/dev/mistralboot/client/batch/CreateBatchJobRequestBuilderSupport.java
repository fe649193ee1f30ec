package dev.mistralboot.client.batch;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateBatchJobRequest.Builder}, which the generated
 * builder implements.
 *
 * @param <B> the builder type
 */
public interface CreateBatchJobRequestBuilderSupport<B> {

	/**
	 * Sets the input files.
	 * @param inputFiles ids of uploaded files (purpose batch)
	 * @return this builder
	 */
	B inputFiles(@Nullable List<String> inputFiles);

	/**
	 * Sets the input files.
	 * @param fileIds ids of uploaded files (purpose batch)
	 * @return this builder
	 */
	default B inputFiles(String... fileIds) {
		return inputFiles(Arrays.asList(fileIds));
	}

}
