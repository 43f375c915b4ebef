package io.qalam.media;

/**
 * An upload that is not stored, with the reason in words for the person who sent it.
 */
public class UploadRefusedException extends RuntimeException {

	public UploadRefusedException(String message) {
		super(message, null, false, false);
	}

}
