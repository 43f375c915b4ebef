package io.qalam;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Varnish (Debian's {@code varnish} and {@code varnish-modules}) with the shipped
 * {@code deploy/varnish/qalam.vcl} in front of one Qalam, for the edge tests. Tests skip
 * themselves where it is not installed.
 */
public final class Varnish implements AutoCloseable {

	private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

	private static final Path XKEY = Path.of("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so");

	private final Process process;

	private final int port;

	private final Path dir;

	private Varnish(Process process, int port, Path dir) {
		this.process = process;
		this.port = port;
		this.dir = dir;
	}

	/** Whether Varnish with its xkey module is on this machine. */
	public static boolean installed() {
		return Files.isExecutable(VARNISHD) && Files.exists(XKEY);
	}

	/** A free port for Varnish to listen on, chosen before Qalam starts. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Starts Varnish on {@code port} in front of Qalam at {@code backendPort}. */
	public static Varnish start(int port, int backendPort) throws Exception {
		return start(port, Files.readString(Path.of("deploy/varnish/backends.vcl"), StandardCharsets.UTF_8)
			.replace(".port = \"8080\";", ".port = \"" + backendPort + "\";"));
	}

	/**
	 * Starts Varnish on {@code port} in front of several Qalam nodes on this machine,
	 * taken in turn as {@code deploy/compose/backends.vcl} does, each left out while its
	 * readiness probe fails.
	 */
	public static Varnish start(int port, List<Integer> backendPorts) throws Exception {
		StringBuilder vcl = new StringBuilder(
				"import directors;\n\nprobe ready {\n    .url = \"/actuator/health/readiness\";\n"
						+ "    .interval = 1s;\n    .timeout = 1s;\n    .window = 3;\n    .threshold = 2;\n}\n\n");
		for (int i = 0; i < backendPorts.size(); i++) {
			vcl.append("backend node")
				.append(i)
				.append(" {\n    .host = \"127.0.0.1\";\n    .port = \"")
				.append(backendPorts.get(i))
				.append("\";\n    .probe = ready;\n}\n\n");
		}
		vcl.append(
				"acl purgers {\n    \"127.0.0.1\";\n}\n\nsub vcl_init {\n    new nodes = directors.round_robin();\n");
		for (int i = 0; i < backendPorts.size(); i++) {
			vcl.append("    nodes.add_backend(node").append(i).append(");\n");
		}
		vcl.append("}\n\nsub vcl_recv {\n    set req.backend_hint = nodes.backend();\n}\n");
		return start(port, vcl.toString());
	}

	private static Varnish start(int port, String backends) throws Exception {
		// readable by the user Varnish's compiler runs as
		Path dir = Files.createTempDirectory("qalam-varnish-", java.nio.file.attribute.PosixFilePermissions
			.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
		// the shipped VCL as it is, beside backends naming this Qalam
		Path file = Files.copy(Path.of("deploy/varnish/qalam.vcl"), dir.resolve("qalam.vcl"));
		Path backendsFile = Files.writeString(dir.resolve("backends.vcl"), backends, StandardCharsets.UTF_8);
		for (Path vcl : List.of(file, backendsFile)) {
			Files.setPosixFilePermissions(vcl, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		}
		Path log = dir.resolve("varnish.log");
		Process process = new ProcessBuilder(List.of(VARNISHD.toString(), "-F", "-n", dir.resolve("work").toString(),
				"-a", "127.0.0.1:" + port, "-f", file.toString(), "-s", "malloc,64m"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Varnish varnish = new Varnish(process, port, dir);
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
		while (!Files.readString(log).contains("Child starts")) {
			if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
				varnish.close();
				throw new IllegalStateException("Varnish did not start:\n" + Files.readString(log));
			}
			Thread.sleep(50);
		}
		return varnish;
	}

	public int port() {
		return this.port;
	}

	public WebClient web() {
		return new WebClient(this.port);
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
