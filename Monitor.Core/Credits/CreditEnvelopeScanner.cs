namespace Monitor.Core.Credits;

/// <summary>
/// Finds <c>"credits_charged"</c> and <c>"credits_remaining"</c> in a JSON body as its bytes stream past, without
/// buffering or parsing it: the body stays the client's to read. The first occurrence of each wins (the envelope's keys;
/// posts carry neither). A value may be a number or a string of digits.
/// </summary>
internal sealed class CreditEnvelopeScanner
{
    private readonly KeyMatcher _charged = new("\"credits_charged\""u8.ToArray());
    private readonly KeyMatcher _remaining = new("\"credits_remaining\""u8.ToArray());

    public long? Charged => _charged.Value;

    public long? Remaining => _remaining.Value;

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (_charged.Done && _remaining.Done)
        {
            return;
        }

        foreach (var b in bytes)
        {
            _charged.Feed(b);
            _remaining.Feed(b);
        }
    }

    private sealed class KeyMatcher(byte[] key)
    {
        private int _matched;
        private Phase _phase;
        private long _value;
        private int _digits;
        private long? _result;

        private enum Phase
        {
            Key,
            Colon,
            Value,
            Done,
        }

        public bool Done => _phase == Phase.Done;

        public long? Value => _phase == Phase.Done ? _result : _phase == Phase.Value && _digits > 0 ? _value : null;

        public void Feed(byte b)
        {
            switch (_phase)
            {
                case Phase.Key:
                    _matched = b == key[_matched] ? _matched + 1 : b == key[0] ? 1 : 0;
                    if (_matched == key.Length)
                    {
                        _phase = Phase.Colon;
                    }

                    break;
                case Phase.Colon:
                    if (b == (byte)':')
                    {
                        _phase = Phase.Value;
                    }
                    else if (!IsSpace(b))
                    {
                        Restart(b);
                    }

                    break;
                case Phase.Value:
                    FeedValue(b);
                    break;
            }
        }

        private void FeedValue(byte b)
        {
            if (b is >= (byte)'0' and <= (byte)'9' && _digits < 18)
            {
                _value = (_value * 10) + (b - '0');
                _digits++;
                return;
            }

            if (_digits == 0 && (IsSpace(b) || b == (byte)'"'))
            {
                return;
            }

            // A null, a negative or a fraction is not a count; looking further would only find a post's field, so stop.
            _result = _digits > 0 ? _value : null;
            _phase = Phase.Done;
        }

        private void Restart(byte b)
        {
            _phase = Phase.Key;
            _matched = b == key[0] ? 1 : 0;
        }

        private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    }
}
