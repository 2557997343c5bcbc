using System.Globalization;
using Hwsim.Circuits.Control.Vectors;

namespace Hwsim.Circuits.Control.Script;

/// <summary>
/// The variables of a control session (<c>set</c>, <c>unset</c>) and ngspice's substitutions in command words:
/// <c>$name</c>, <c>$name[i]</c> and <c>$name[i-j]</c> of lists, <c>$?name</c> (1 if set), <c>$#name</c> (list
/// length), <c>$&amp;vector</c> (its values, %G), <c>$curplot</c> and friends, environment variables; then
/// <c>{a,b}</c> brace expansion (<c>n{$n}_t</c> is <c>n1001_t</c>).
/// </summary>
public sealed class ControlVariables
{
    private const string ValidChars = "$-_<#?@.()[]&";
    private readonly Dictionary<string, ControlValue> _values = new(StringComparer.Ordinal);

    /// <summary>Answers names that are not variables of the store: <c>&amp;vector</c>, <c>curplot</c>, <c>plots</c>.</summary>
    public Func<string, ControlValue?>? Enquire { get; set; }

    public void Set(string name, ControlValue value) => _values[name] = value;

    public bool Remove(string name) => _values.Remove(name);

    public ControlValue? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every variable, by name.</summary>
    public IEnumerable<KeyValuePair<string, ControlValue>> All => _values.OrderBy(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>The value of a variable that holds a number (or a string that reads as one).</summary>
    public double? Number(string name) => Get(name)?.Number;

    /// <summary>ngspice's <c>cp_variablesubst</c>: each <c>$...</c> replaced; a list splices in as several words.</summary>
    public List<string> Substitute(IEnumerable<string> words, Action<string> error)
    {
        var result = new List<string>();
        foreach (var original in words)
        {
            var word = original;
            var i = 0;
            var deleted = false;
            while (!word.StartsWith("a$poly$", StringComparison.OrdinalIgnoreCase))
            {
                var dollar = word.IndexOf('$', i);
                if (dollar < 0) break;
                var tail = SpanVariable(word, dollar + 1);
                var value = Evaluate(word[(dollar + 1)..tail], error);
                var prefix = word[..dollar];
                var rest = word[tail..];
                if (value is { Count: > 0 })
                {
                    // The first value word takes the prefix; the words between stand alone; scanning goes on in the last.
                    value[0] = prefix + value[0];
                    result.AddRange(value.Take(value.Count - 1));
                    i = value[^1].Length;
                    word = value[^1] + rest;
                }
                else if (prefix.Length > 0 || rest.Length > 0)
                {
                    word = prefix + rest;
                    i = prefix.Length;
                }
                else
                {
                    deleted = true;
                    break;
                }
            }
            if (!deleted) result.Add(word);
        }
        return result;
    }

    /// <summary>ngspice's <c>span_var_expr</c>: the end of a variable name starting at <paramref name="start"/>.</summary>
    private static int SpanVariable(string s, int start)
    {
        var t = start;
        int parens = 0, brackets = 0;
        while (t < s.Length && (char.IsAsciiLetterOrDigit(s[t]) || ValidChars.Contains(s[t], StringComparison.Ordinal)))
        {
            var c = s[t++];
            switch (c)
            {
                case '[':
                    brackets++;
                    break;
                case '(':
                    parens++;
                    break;
                case ']':
                    if (brackets <= 0) return t - 1;
                    if (--brackets <= 0) return t;
                    break;
                case ')':
                    if (parens <= 0) return t - 1;
                    if (--parens <= 0) return t;
                    break;
                case '$':
                    if (brackets <= 0 && parens <= 0) return t == start + 1 ? t : t - 1;
                    break;
            }
        }
        return t;
    }

    /// <summary>ngspice's <c>vareval</c>: the words of one <c>$name</c>, or null (an error printed) when it has none.</summary>
    private List<string>? Evaluate(string name, Action<string> error)
    {
        string? range = null;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        var bare = name;
        if (bracket >= 0 && !name.StartsWith('&'))
        {
            range = name[(bracket + 1)..].TrimEnd(']');
            bare = name[..bracket];
        }
        if (name.Length == 0) return ["$"];
        switch (name[0])
        {
            case '$':
                return [Environment.ProcessId.ToString(CultureInfo.InvariantCulture)];
            case '?':
                return [Get(name[1..]) is not null || Enquire?.Invoke(name[1..]) is not null ? "1" : "0"];
            case '#':
            {
                var v = Get(name[1..]) ?? Enquire?.Invoke(name[1..]);
                if (v is null)
                {
                    error($"{name[1..]}: no such variable.");
                    return null;
                }
                return [(v is ListValue l ? l.Items.Count : v is FlagValue ? 0 : 1).ToString(CultureInfo.InvariantCulture)];
            }
        }
        var value = Get(bare);
        if (value is null)
        {
            range = null;
            value = Enquire?.Invoke(name);
        }
        if (value is null && Environment.GetEnvironmentVariable(name) is { } env) return [env];
        if (value is null)
        {
            error($"{name}: no such variable.");
            return null;
        }
        var words = value.Words().ToList();
        if (range is null) return words;
        if (range.StartsWith('$'))
        {
            var inner = Evaluate(range[1..], error);
            if (inner is not { Count: 1 })
            {
                error($"{bare}: illegal index.");
                return null;
            }
            range = inner[0];
        }
        var p = 0;
        var low = 0;
        for (; p < range.Length && char.IsAsciiDigit(range[p]); p++) low = low * 10 + (range[p] - '0');
        int up;
        if (p < range.Length && range[p] == '-')
        {
            p++;
            if (p < range.Length && char.IsAsciiDigit(range[p]))
                for (up = 0; p < range.Length && char.IsAsciiDigit(range[p]); p++) up = up * 10 + (range[p] - '0');
            else up = words.Count;
        }
        else up = low;
        // ngspice's wl_range counts from 0 after subtracting 1, so $list[0] and $list[1] are both the first word
        low = Math.Max(0, low - 1);
        up = Math.Min(words.Count - 1, Math.Max(0, up - 1));
        return low > up ? [] : words.GetRange(low, up - low + 1);
    }

    /// <summary>ngspice's <c>cp_doglob</c>: <c>{a,b}</c> expands to one word each, <c>{x}</c> to its text.</summary>
    public static List<string> ExpandBraces(IEnumerable<string> words)
    {
        var result = new List<string>();
        foreach (var w in words) result.AddRange(Expand(w));
        return result;
    }

    private static IEnumerable<string> Expand(string word)
    {
        var open = word.IndexOf('{', StringComparison.Ordinal);
        if (open < 0) return [word];
        var depth = 0;
        var close = -1;
        var parts = new List<string>();
        var start = open + 1;
        for (var i = open; i < word.Length; i++)
        {
            if (word[i] == '{') depth++;
            else if (word[i] == '}' && --depth == 0)
            {
                close = i;
                break;
            }
            else if (word[i] == ',' && depth == 1)
            {
                parts.Add(word[start..i]);
                start = i + 1;
            }
        }
        if (close < 0) return [word];
        parts.Add(word[start..close]);
        var head = word[..open];
        var tail = word[(close + 1)..];
        return parts.SelectMany(p => Expand(head + p + tail));
    }

    /// <summary>ngspice's <c>cp_setparse</c>: <c>name</c>, <c>name = value</c>, <c>name=value</c>, <c>name = ( a b )</c>.</summary>
    public static List<(string Name, ControlValue Value)> ParseSet(IReadOnlyList<string> words)
    {
        var result = new List<(string, ControlValue)>();
        var i = 0;
        while (i < words.Count)
        {
            var name = ControlLexer.Unquote(words[i++]);
            string? value = null;
            if ((i >= words.Count || !words[i].StartsWith('=')) && !name.Contains('='))
            {
                result.Add((name, new FlagValue()));
                continue;
            }
            if (i < words.Count && words[i] == "=")
            {
                i++;
                if (i >= words.Count) throw new VectorExpressionException($"bad set form: {name} equals what?");
                value = words[i++];
            }
            else if (i < words.Count && words[i].StartsWith('='))
            {
                value = words[i++][1..];
            }
            else
            {
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                value = name[(eq + 1)..];
                name = name[..eq];
                if (value.Length == 0)
                {
                    if (i >= words.Count) throw new VectorExpressionException($"{name} equals what?");
                    value = words[i++];
                }
            }
            if (value == "(")
            {
                var items = new List<ControlValue>();
                var balance = 1;
                while (i < words.Count)
                {
                    if (words[i] == "(") balance++;
                    else if (words[i] == ")" && --balance == 0) break;
                    items.Add(Scalar(words[i]));
                    i++;
                }
                if (balance != 0) throw new VectorExpressionException($"bad set form: the list of {name} has no ')'");
                i++;
                result.Add((name, new ListValue(items)));
                continue;
            }
            result.Add((name, Scalar(value)));
        }
        return result;
    }

    /// <summary>A quoted word is a string; a number is an integer or a real; anything else a string.</summary>
    private static ControlValue Scalar(string word)
    {
        var unquoted = ControlLexer.Unquote(word);
        if (unquoted != word) return new StringValue(unquoted);
        var p = 0;
        if (ControlNumber.TryRead(word, ref p, out var v))
            return v == Math.Floor(v) && Math.Abs(v) <= int.MaxValue ? new IntegerValue((int)v) : new RealValue(v);
        return new StringValue(word);
    }
}
