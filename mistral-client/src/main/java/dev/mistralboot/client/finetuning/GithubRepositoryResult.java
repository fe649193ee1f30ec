package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A repository a job trains on, as the API returns it, without the token
 * ({@code GithubRepositoryOut}).
 *
 * @param type the repository type, {@code github}
 * @param name the repository name
 * @param owner the owner
 * @param ref the branch, tag or commit asked for
 * @param weight its weight in the mix
 * @param commitId the commit trained on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GithubRepositoryResult(@Nullable String type, @Nullable String name, @Nullable String owner,
		@Nullable String ref, @Nullable Double weight, @Nullable String commitId) {
}
