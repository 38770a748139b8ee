package app.plainpaper.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/** The Avro data models the serde reads and writes generic data with. */
final class AvroModels {

    private AvroModels() {
    }

    /**
     * Plain {@link GenericData} (logical types stay as their underlying long/int/bytes), or, with
     * {@code avro.use.logical.type.converters=true}, one that maps them to java.time, BigDecimal and UUID.
     */
    static GenericData generic(boolean logicalTypeConverters) {
        if (!logicalTypeConverters) {
            return GenericData.get();
        }
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return model;
    }
}
