package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A URL that downloads a file without the API key ({@code GetSignedUrlResponse}). Treat
 * it as a secret until it expires: anyone holding it can read the file.
 *
 * @param url the URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignedUrl(String url) {

	/**
	 * The URL without its query (which holds the signature), for logs.
	 * @return a description that does not reveal the signature
	 */
	@Override
	public String toString() {
		int query = this.url.indexOf('?');
		return "SignedUrl[" + ((query >= 0) ? this.url.substring(0, query) + "?******" : this.url) + "]";
	}

}
