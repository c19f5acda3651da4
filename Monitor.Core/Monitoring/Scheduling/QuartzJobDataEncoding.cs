using System.Text;
using Quartz;
using Quartz.Impl;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Quartz's stored job data for a map of one string entry, written as Quartz's serializer writes it, but split once
/// around the value so that 10,000 maps cost 10,000 copies instead of 10,000 serializer calls. Only for values JSON
/// writes as they are (digits, a GUID); <see cref="Agrees"/> checks a sample against the serializer itself.
/// </summary>
internal sealed class QuartzJobDataEncoding
{
    private const string Marker = "a1b2c3d4e5f6marker";
    private readonly SystemTextJsonObjectSerializer _serializer;
    private readonly string _key;
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;

    public QuartzJobDataEncoding(SystemTextJsonObjectSerializer serializer, string key)
    {
        _serializer = serializer;
        _key = key;
        var whole = serializer.Serialize(Map(Marker));
        var at = whole.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker));
        _prefix = at < 0 ? [] : whole[..at];
        _suffix = at < 0 ? [] : whole[(at + Marker.Length)..];
    }

    public byte[] Encode(string value)
    {
        var bytes = new byte[_prefix.Length + Encoding.UTF8.GetByteCount(value) + _suffix.Length];
        _prefix.CopyTo(bytes, 0);
        var written = Encoding.UTF8.GetBytes(value, bytes.AsSpan(_prefix.Length));
        _suffix.CopyTo(bytes, _prefix.Length + written);
        return bytes;
    }

    /// <summary>Whether the split encoding writes exactly what the serializer writes for <paramref name="sample"/>.</summary>
    public bool Agrees(string sample) => _prefix.Length > 0 && Encode(sample).AsSpan().SequenceEqual(_serializer.Serialize(Map(sample)));

    private JobDataMap Map(string value) => new() { [_key] = value };
}
