package io.recollect.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The checked records of one import on local disk, one JSON line each, read back by position:
 * the load takes them customer by customer, whatever their order in the file, without holding
 * the file in memory. Deleted when the import ends.
 */
final class Spool implements AutoCloseable {

    private final ObjectMapper json;
    private final Path path;
    private final OutputStream out;
    private long written;
    private FileChannel reader;

    Spool(ObjectMapper json) throws IOException {
        this.json = json;
        this.path = Files.createTempFile("recollect-import-", ".jsonl");
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    }

    /** Where a record sits in the spool. */
    record At(long offset, int length) {
    }

    At write(Object value) {
        try {
            byte[] bytes = json.writeValueAsBytes(value);
            out.write(bytes);
            At at = new At(written, bytes.length);
            written += bytes.length;
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(At at, Class<T> type) {
        try {
            if (reader == null) {
                out.flush();
                reader = FileChannel.open(path, StandardOpenOption.READ);
            }
            ByteBuffer buffer = ByteBuffer.allocate(at.length());
            while (buffer.hasRemaining()) {
                if (reader.read(buffer, at.offset() + buffer.position()) < 0) {
                    throw new IOException("spool ends early");
                }
            }
            return json.readValue(buffer.array(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            if (reader != null) {
                reader.close();
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
