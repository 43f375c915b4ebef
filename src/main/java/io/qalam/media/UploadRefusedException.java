package io.qalam.media;

import io.qalam.platform.Refusal;
import io.qalam.platform.Text;

/**
 * An upload that is not stored, with the reason for the person who sent it.
 */
public class UploadRefusedException extends Refusal {

	public UploadRefusedException(String key, Object... args) {
		super(Text.of(key, args));
	}

}
