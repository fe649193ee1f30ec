package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A GitHub repository to train on ({@code GithubRepositoryIn}). The token never appears
 * in {@link #toString()}.
 *
 * @param name the repository name
 * @param owner the owner (user or organisation)
 * @param ref the branch, tag or commit ({@code null}: the default branch)
 * @param weight its weight in the mix (above 0; the API's default is 1)
 * @param token a GitHub token that can read the repository
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GithubRepository(String name, String owner, @Nullable String ref, @Nullable Double weight, String token) {

	/**
	 * Validates the repository.
	 */
	public GithubRepository {
		if (name == null || name.isBlank() || owner == null || owner.isBlank()) {
			throw new IllegalArgumentException("A GitHub repository needs a name and an owner");
		}
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("GitHub repository " + owner + "/" + name + " needs a token");
		}
		if (weight != null && weight <= 0) {
			throw new IllegalArgumentException(
					"The weight of " + owner + "/" + name + " must be above 0, was " + weight);
		}
	}

	/**
	 * A repository at its default branch, with the default weight.
	 * @param owner the owner
	 * @param name the name
	 * @param token a GitHub token
	 * @return the repository
	 */
	public static GithubRepository of(String owner, String name, String token) {
		return new GithubRepository(name, owner, null, null, token);
	}

	/**
	 * The repository type, as sent.
	 * @return {@code github}
	 */
	@JsonProperty("type")
	public String type() {
		return "github";
	}

	@Override
	public String toString() {
		return "GithubRepository[" + this.owner + "/" + this.name + ", ref=" + this.ref + ", weight=" + this.weight
				+ ", token=******]";
	}

}
