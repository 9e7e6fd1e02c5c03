package io.tributary.embedded;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** The value of a map that is a set of keys: nothing is written. */
final class NoValueType extends BasicDataType<Boolean> {

    static final NoValueType INSTANCE = new NoValueType();

    private NoValueType() {
    }

    @Override
    public Boolean[] createStorage(int size) {
        return new Boolean[size];
    }

    @Override
    public int getMemory(Boolean value) {
        return 0;
    }

    @Override
    public void write(WriteBuffer buffer, Boolean value) {
    }

    @Override
    public Boolean read(ByteBuffer buffer) {
        return Boolean.TRUE;
    }
}
