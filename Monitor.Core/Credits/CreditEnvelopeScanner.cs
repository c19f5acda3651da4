using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Monitor.Core.Credits;

/// <summary>
/// Reads <c>"credits_charged"</c> and <c>"credits_remaining"</c> from the top level of a JSON body as its bytes stream
/// past, with <see cref="Utf8JsonReader"/>, so the body stays the client's to read: the one place the envelope is read.
/// Only a token cut by a chunk's end is carried to the next chunk (a long string is appended until a quote could end
/// it, so a 10 MB caption is not read again per chunk). The first occurrence of each wins; a value may be a number or a
/// string of digits (an integral decimal like 2.0 counts); anything else (null, negative, a fraction) is no count.
/// </summary>
internal sealed class CreditEnvelopeScanner
{
    private static readonly SearchValues<byte> BetweenTokens = SearchValues.Create(" \t\r\n,:"u8);

    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    private byte[] _carry = [];
    private int _carryLength;
    private bool _carryIsOpenString;
    private bool _carryEndsEscaped;
    private EnvelopeKey _valueOf;
    private bool _chargedRead;
    private bool _remainingRead;
    private bool _done;

    private enum EnvelopeKey
    {
        None,
        Charged,
        Remaining,
    }

    public long? Charged { get; private set; }

    public long? Remaining { get; private set; }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (_done || bytes.IsEmpty)
        {
            return;
        }

        if (_carryLength == 0)
        {
            Scan(bytes);
            return;
        }

        var mayCompleteToken = !_carryIsOpenString || ClosesString(bytes);
        Append(bytes);
        if (mayCompleteToken)
        {
            Scan(_carry.AsSpan(0, _carryLength));
        }
    }

    private void Scan(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
        try
        {
            while (!_done && reader.Read())
            {
                Observe(ref reader);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page): there is no envelope to find.
            _done = true;
        }

        if (_done)
        {
            (_carry, _carryLength) = ([], 0);
            return;
        }

        _state = reader.CurrentState;
        Keep(data[(int)reader.BytesConsumed..]);
    }

    private void Observe(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
        {
            _valueOf = reader.ValueTextEquals("credits_charged"u8) ? EnvelopeKey.Charged
                : reader.ValueTextEquals("credits_remaining"u8) ? EnvelopeKey.Remaining
                : EnvelopeKey.None;
            return;
        }

        if (_valueOf == EnvelopeKey.Charged && !_chargedRead)
        {
            (Charged, _chargedRead) = (CountOf(ref reader), true);
        }
        else if (_valueOf == EnvelopeKey.Remaining && !_remainingRead)
        {
            (Remaining, _remainingRead) = (CountOf(ref reader), true);
        }

        _valueOf = EnvelopeKey.None;
        _done = (_chargedRead && _remainingRead) || (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray);
    }

    private static long? CountOf(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDecimal(out var number) && number >= 0 && number <= long.MaxValue && number == decimal.Truncate(number) => (long)number,
        JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text) => text,
        _ => null,
    };

    /// <summary>The unread rest of the data becomes the carry (it may be the carry itself: the copy is overlap-safe).</summary>
    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (rest.Length > _carry.Length)
        {
            _carry = new byte[Math.Max(rest.Length, 256)];
        }

        rest.CopyTo(_carry);
        _carryLength = rest.Length;
        var start = rest.IndexOfAnyExcept(BetweenTokens);
        _carryEndsEscaped = false;
        _carryIsOpenString = start >= 0 && rest[start] == (byte)'"' && !ClosesString(rest[(start + 1)..]);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_carryLength + bytes.Length > _carry.Length)
        {
            Array.Resize(ref _carry, Math.Max(_carry.Length * 2, _carryLength + bytes.Length));
        }

        bytes.CopyTo(_carry.AsSpan(_carryLength));
        _carryLength += bytes.Length;
    }

    /// <summary>Whether these bytes hold the quote that ends the carried open string; keeps the escape state across chunks.</summary>
    private bool ClosesString(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_carryEndsEscaped)
            {
                _carryEndsEscaped = false;
            }
            else if (b == (byte)'\\')
            {
                _carryEndsEscaped = true;
            }
            else if (b == (byte)'"')
            {
                return true;
            }
        }

        return false;
    }
}
