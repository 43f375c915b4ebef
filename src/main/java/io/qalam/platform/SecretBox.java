package io.qalam.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the newsroom stores (Telegram bot tokens, webhook signing keys)
 * with AES-GCM, under a key from the environment ({@code QALAM_SECRETS_KEY}, 32 or more
 * characters, the same on every node). Without one, a random key is made once and kept in
 * {@code secrets.key} in the data directory, readable by its owner only — enough for one
 * machine; a cluster must set the variable.
 */
@Component
public class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final int NONCE_BYTES = 12;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(@Value("${qalam.secrets.key}") String configured, @Value("${qalam.data-dir}") Path dataDir) {
		this.key = new SecretKeySpec(
				sha256(configured.isBlank() ? keyFile(dataDir.resolve("secrets.key")) : checked(configured)), "AES");
	}

	/** The secret, encrypted and Base64-encoded, for storing. */
	public String seal(String secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt", ex);
		}
	}

	/**
	 * The secret a {@link #seal} gave.
	 * @throws IllegalStateException when it was sealed under another key
	 */
	public String open(String sealed) {
		try {
			byte[] in = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"A stored secret cannot be read: it was stored under another QALAM_SECRETS_KEY. Enter it again.");
		}
	}

	/** The last four characters, to recognise a secret without showing it. */
	public static String hint(String secret) {
		return (secret.length() <= 8) ? "…" : "…" + secret.substring(secret.length() - 4);
	}

	private static String checked(String configured) {
		if (configured.length() < 32) {
			throw new IllegalStateException("QALAM_SECRETS_KEY must have at least 32 characters");
		}
		return configured;
	}

	private static String keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			Files.createDirectories(file.getParent());
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			String key = Base64.getEncoder().encodeToString(bytes);
			Files.writeString(file, key);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the data directory's own protection applies
			}
			log.info("No QALAM_SECRETS_KEY set: stored secrets are encrypted with a key kept in {}", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "SecretBox[key hidden]";
	}

}
