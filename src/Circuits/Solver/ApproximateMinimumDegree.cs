using System.Runtime.CompilerServices;

namespace Hwsim.Circuits.Solver;

/// <summary>
/// Approximate Minimum Degree ordering (Amestoy, Davis and Duff, SIAM J. Matrix Anal. Appl. 17(4), 1996) of a
/// symmetric pattern, as a fill-reducing order for a factorisation with (mostly) diagonal pivots.
/// </summary>
/// <remarks>
/// <para>
/// The elimination is simulated on the quotient graph: each eliminated pivot becomes an <em>element</em> (the
/// clique it creates, stored once as a list of variables), and each remaining <em>variable</em> keeps a list of the
/// elements it belongs to followed by its remaining plain neighbours. The pivot is the variable of least
/// <em>approximate external degree</em>, an upper bound computed from |Le \ Lme| for each element e, which is cheap
/// to update. Elements that the new element covers are absorbed (aggressive absorption included), variables with
/// identical lists are merged into supervariables (found by hashing), variables left with only the new element are
/// eliminated together with the pivot (mass elimination), and rows denser than max(16, 10 sqrt(n)) are set aside
/// and ordered last.
/// </para>
/// <para>
/// With a constraint (CAMD's idea, Davis et al.), the variables are in two sets, leading and trailing: while a
/// leading variable remains, the pivot is a leading variable of least degree; then the trailing ones follow by the same
/// rule on the graph the leading eliminations left. Supervariables and mass elimination never mix the sets, and the
/// order is finally partitioned stably (an isolated trailing variable or a dense leading row goes to its own set).
/// </para>
/// <para>
/// The lists live in one integer workspace with elbow room; when a new element does not fit, the workspace is
/// compacted (and grown if compaction is not enough). The elimination order is produced as the pivots are chosen,
/// each pivot followed by the variables it carries along, which gives the same fill as a post-order of the
/// assembly tree.
/// </para>
/// </remarks>
internal sealed class ApproximateMinimumDegree
{
    /// <summary>AMD's default: a row is dense when its degree exceeds max(16, 10 sqrt(n)).</summary>
    public const double DefaultDenseFactor = 10.0;

    private readonly int _n;
    private int[] _iw;
    private int _pfree;

    // Per vertex (variable or element).
    private readonly int[] _pe;      // start of its list in _iw, or -1 when it has none (absorbed, dead, or empty)
    private readonly int[] _len;     // length of its list
    private readonly int[] _elen;    // variable: number of elements at the head of its list; -1: element or gone
    private readonly int[] _nv;      // variable: supervariable weight (negated while in the pivot element); 0: not principal
    private readonly int[] _degree;  // variable: approximate external degree; element: weighted |Le|
    private readonly int[] _w;       // element: |Le \ Lme| + _wflg while the pivot element is built; 0: dead element

    // Degree lists.
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int[] _prev;

    // Supervariable detection: hash buckets and a set marker.
    private readonly int[] _hashHead;
    private readonly int[] _hashNext;
    private readonly int[] _hashOf;
    private readonly int[] _mark;
    private int _markTag;

    // Members of each supervariable, as linked lists, so the order can be written as pivots are chosen.
    private readonly int[] _memberNext;
    private readonly int[] _memberLast;

    private readonly int[] _order;
    private int _ordered;

    // Constraint: 0 leading, 1 trailing (all 0 without a constraint); degree lists per set; variables left per set.
    private readonly byte[] _set;
    private readonly int[] _left = new int[2];
    private readonly int[] _mindeg = new int[2];
    private int _wflg;
    private int _lemax;

    private ApproximateMinimumDegree(SymmetricPattern pattern, int elbowRoom, ReadOnlySpan<bool> trailing)
    {
        int n = pattern.Size;
        _n = n;
        int nz = pattern.NonZeros;
        _iw = new int[Math.Max(nz + (elbowRoom >= 0 ? elbowRoom : (nz / 5) + (2 * n)), 1)];
        Array.Copy(pattern.Indices, _iw, nz);
        _pfree = nz;
        _pe = new int[n];
        _len = new int[n];
        _elen = new int[n];
        _nv = new int[n];
        _degree = new int[n];
        _w = new int[n];
        _head = new int[2 * n];
        _next = new int[n];
        _prev = new int[n];
        _hashHead = new int[n];
        _hashNext = new int[n];
        _hashOf = new int[n];
        _mark = new int[n];
        _memberNext = new int[n];
        _memberLast = new int[n];
        _order = new int[n];
        _set = new byte[n];
        Array.Fill(_head, -1);
        for (int i = 0; i < n; i++)
        {
            _set[i] = !trailing.IsEmpty && trailing[i] ? (byte)1 : (byte)0;
            _left[_set[i]]++;
            _pe[i] = pattern.Pointers[i];
            _len[i] = pattern.Pointers[i + 1] - pattern.Pointers[i];
            _nv[i] = 1;
            _w[i] = 1;
            _hashHead[i] = -1;
            _memberNext[i] = -1;
            _memberLast[i] = i;
        }

        _wflg = 2;
    }

    /// <summary>The number of rows set aside as dense and ordered last.</summary>
    public int DenseCount { get; private set; }

    /// <summary>Number of workspace compactions (garbage collections).</summary>
    public int Compactions { get; private set; }

    /// <summary>AMD's own estimate of nnz(L) below the diagonal (an upper bound when no row is dense).</summary>
    public long EstimatedLowerNonZeros { get; private set; }

    /// <summary>
    /// Computes the order: element k of the result is the vertex eliminated k-th.
    /// </summary>
    /// <param name="pattern">Symmetric pattern without diagonal.</param>
    /// <param name="denseFactor">Rows with degree above max(16, denseFactor sqrt(n)) are ordered last; negative: none.</param>
    public static int[] Order(SymmetricPattern pattern, double denseFactor = DefaultDenseFactor) =>
        Run(pattern, denseFactor).Permutation;

    /// <summary>Like <see cref="Order"/>, returning the finished run so its statistics can be read.</summary>
    /// <param name="pattern">Symmetric pattern without diagonal.</param>
    /// <param name="denseFactor">See <see cref="Order"/>.</param>
    /// <param name="elbowRoom">Free workspace beyond the pattern (negative: 20 % of it plus 2n); small values force compactions.</param>
    public static ApproximateMinimumDegree Run(SymmetricPattern pattern, double denseFactor = DefaultDenseFactor, int elbowRoom = -1) =>
        Run(pattern, default, denseFactor, elbowRoom);

    /// <summary>
    /// The constrained order: every vertex with <paramref name="trailing"/>[v] false comes before every vertex with it
    /// true, each set in minimum-degree order (empty <paramref name="trailing"/>: no constraint).
    /// </summary>
    /// <param name="pattern">Symmetric pattern without diagonal.</param>
    /// <param name="trailing">Per vertex: true when it must be ordered after all the others; empty for none.</param>
    /// <param name="denseFactor">See <see cref="Order"/>.</param>
    /// <param name="elbowRoom">See the other overload.</param>
    public static ApproximateMinimumDegree Run(SymmetricPattern pattern, ReadOnlySpan<bool> trailing, double denseFactor = DefaultDenseFactor, int elbowRoom = -1)
    {
        if (!trailing.IsEmpty && trailing.Length != pattern.Size)
        {
            throw new ArgumentException("One flag per vertex is needed.", nameof(trailing));
        }

        var amd = new ApproximateMinimumDegree(pattern, elbowRoom, trailing);
        amd.Eliminate(denseFactor);
        if (!trailing.IsEmpty)
        {
            amd.PartitionOrder();
        }

        return amd;
    }

    /// <summary>Stable partition of the order: leading vertices first.</summary>
    private void PartitionOrder()
    {
        var copy = (int[])_order.Clone();
        int k = 0;
        for (int set = 0; set < 2; set++)
        {
            foreach (int v in copy)
            {
                if (_set[v] == set)
                {
                    _order[k++] = v;
                }
            }
        }
    }

    /// <summary>The order found: element k is the vertex eliminated k-th.</summary>
    public int[] Permutation => _order;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Eliminate(double denseFactor)
    {
        int n = _n;
        int dense = denseFactor < 0 ? n : (int)Math.Min(n, Math.Max(16.0, denseFactor * Math.Sqrt(n)));
        var denseRows = new List<int>();
        int nel = 0;

        for (int i = 0; i < n; i++)
        {
            int deg = _len[i];
            _degree[i] = deg;
            if (deg == 0)
            {
                // Isolated: eliminated at once, an element with no variables.
                _elen[i] = -1;
                _pe[i] = -1;
                _w[i] = 0;
                _order[_ordered++] = i;
                _left[_set[i]]--;
                nel++;
            }
            else if (deg > dense)
            {
                // Dense: weight 0 hides it from every degree; ordered last.
                _nv[i] = 0;
                _elen[i] = -1;
                _pe[i] = -1;
                denseRows.Add(i);
                _left[_set[i]]--;
                nel++;
            }
            else
            {
                InsertDegreeList(i, deg);
            }
        }

        DenseCount = denseRows.Count;
        while (nel < n)
        {
            // 1. The pivot: a variable of least approximate degree (of the leading set while one remains).
            int set = _left[0] > 0 ? 0 : 1;
            int offset = set * n;
            int deg;
            for (deg = _mindeg[set]; deg < n && _head[offset + deg] < 0; deg++)
            {
            }

            _mindeg[set] = deg;
            int me = _head[offset + deg];
            RemoveDegreeList(me);
            int elenme = _elen[me];
            int nvpiv = _nv[me];
            nel += nvpiv;
            _left[set] -= nvpiv;
            AppendMembers(me);

            // 2. Its element Lme: the union of its elements' variables and its own variables.
            _nv[me] = -nvpiv;
            int degme = 0;
            int pme1;
            int pme2;
            if (elenme == 0)
            {
                // No elements: Lme is its variable list, built in place.
                pme1 = _pe[me];
                pme2 = pme1 - 1;
                int end = pme1 + _len[me];
                for (int p = pme1; p < end; p++)
                {
                    int i = _iw[p];
                    int nvi = _nv[i];
                    if (nvi > 0)
                    {
                        degme += nvi;
                        _nv[i] = -nvi;
                        _iw[++pme2] = i;
                        RemoveDegreeList(i);
                    }
                }
            }
            else
            {
                (pme1, degme) = BuildElementAtEnd(me, elenme);
                pme2 = _pfree - 1;
            }

            _degree[me] = degme;
            _pe[me] = pme1;
            _len[me] = pme2 - pme1 + 1;
            _elen[me] = -1;
            if (degme > _lemax)
            {
                _lemax = degme;
            }

            // 3. |Le \ Lme| for every element e met by a variable of Lme, kept in _w[e] - _wflg.
            NewWFlag();
            for (int pme = pme1; pme <= pme2; pme++)
            {
                int i = _iw[pme];
                int eln = _elen[i];
                if (eln <= 0)
                {
                    continue;
                }

                int nvi = -_nv[i];
                int wnvi = _wflg - nvi;
                int start = _pe[i];
                for (int p = start; p < start + eln; p++)
                {
                    int e = _iw[p];
                    int we = _w[e];
                    if (we >= _wflg)
                    {
                        we -= nvi;
                    }
                    else if (we != 0)
                    {
                        we = _degree[e] + wnvi;
                    }

                    _w[e] = we;
                }
            }

            // 4. Degree update, element absorption and mass elimination for each variable of Lme.
            for (int pme = pme1; pme <= pme2; pme++)
            {
                int i = _iw[pme];
                int p1 = _pe[i];
                int p2 = p1 + _elen[i];
                int pn = p1;
                uint hash = 0;
                int dext = 0;
                for (int p = p1; p < p2; p++)
                {
                    int e = _iw[p];
                    int we = _w[e];
                    if (we == 0)
                    {
                        continue; // absorbed into me while Lme was built
                    }

                    int outside = we - _wflg;
                    if (outside > 0)
                    {
                        dext += outside;
                        _iw[pn++] = e;
                        hash += (uint)e;
                    }
                    else
                    {
                        // Aggressive absorption: Le is inside Lme.
                        _pe[e] = -1;
                        _w[e] = 0;
                    }
                }

                _elen[i] = pn - p1 + 1; // me goes in front below
                int p3 = pn;
                int p4 = p1 + _len[i];
                for (int p = p2; p < p4; p++)
                {
                    int j = _iw[p];
                    int nvj = _nv[j];
                    if (nvj > 0)
                    {
                        dext += nvj;
                        _iw[pn++] = j;
                        hash += (uint)j;
                    }
                }

                if (_elen[i] == 1 && p3 == pn && _set[i] == _set[me])
                {
                    // Only me is left: i is eliminated together with the pivot.
                    int nvi = -_nv[i];
                    _pe[i] = -1;
                    degme -= nvi;
                    nvpiv += nvi;
                    nel += nvi;
                    _left[_set[i]] -= nvi;
                    _nv[i] = 0;
                    _elen[i] = -1;
                    AppendMembers(i);
                }
                else
                {
                    if (dext < _degree[i])
                    {
                        _degree[i] = dext;
                    }

                    // Put me first: the first variable moves to the end, the first element to the variables' start.
                    _iw[pn] = _iw[p3];
                    _iw[p3] = _iw[p1];
                    _iw[p1] = me;
                    _len[i] = pn - p1 + 1;
                    int bucket = (int)(hash % (uint)n);
                    _hashOf[i] = bucket;
                    _hashNext[i] = _hashHead[bucket];
                    _hashHead[bucket] = i;
                }
            }

            _degree[me] = degme;

            // 5. Supervariables: variables of Lme with identical lists are merged.
            for (int pme = pme1; pme <= pme2; pme++)
            {
                int i = _iw[pme];
                if (_nv[i] < 0)
                {
                    MergeIndistinguishable(_hashOf[i]);
                }
            }

            // 6. Final degrees, degree lists, and Lme trimmed to its principal variables.
            int nleft = n - nel;
            int q = pme1;
            for (int pme = pme1; pme <= pme2; pme++)
            {
                int i = _iw[pme];
                int nvi = -_nv[i];
                if (nvi <= 0)
                {
                    continue;
                }

                _nv[i] = nvi;
                int d = Math.Min(_degree[i] + degme - nvi, nleft - nvi);
                InsertDegreeList(i, d);
                if (d < _mindeg[_set[i]])
                {
                    _mindeg[_set[i]] = d;
                }

                _degree[i] = d;
                _iw[q++] = i;
            }

            _nv[me] = nvpiv;
            _len[me] = q - pme1;
            if (_len[me] == 0)
            {
                _pe[me] = -1;
                _w[me] = 0;
            }

            if (elenme != 0)
            {
                _pfree = q;
            }

            long f = nvpiv;
            long r = degme + DenseCount;
            EstimatedLowerNonZeros += (f * r) + ((f - 1) * f / 2);
        }

        foreach (int i in denseRows)
        {
            _order[_ordered++] = i;
        }
    }

    /// <summary>
    /// Builds Lme at the end of the workspace from the variables of me's elements (which are absorbed) and of me's
    /// own list. Returns its start and weighted size.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Start, int Degree) BuildElementAtEnd(int me, int elenme)
    {
        int p = _pe[me];
        int pme1 = _pfree;
        int degme = 0;
        int slenme = _len[me] - elenme;
        for (int knt1 = 1; knt1 <= elenme + 1; knt1++)
        {
            int e;
            int pj;
            int ln;
            if (knt1 > elenme)
            {
                e = me;
                pj = p;
                ln = slenme;
            }
            else
            {
                e = _iw[p++];
                pj = _pe[e];
                ln = _len[e];
            }

            for (int knt2 = 1; knt2 <= ln; knt2++)
            {
                int i = _iw[pj++];
                int nvi = _nv[i];
                if (nvi <= 0)
                {
                    continue;
                }

                if (_pfree >= _iw.Length)
                {
                    // Out of room: keep only what is still to be read of me's and e's lists, then compact.
                    int meEnd = _pe[me] + _len[me];
                    _len[me] = meEnd - p;
                    _pe[me] = _len[me] > 0 ? p : -1;
                    if (e != me)
                    {
                        _len[e] = ln - knt2;
                        _pe[e] = _len[e] > 0 ? pj : -1;
                    }
                    else
                    {
                        _len[me] = ln - knt2;
                        _pe[me] = _len[me] > 0 ? pj : -1;
                    }

                    pme1 = Compact(pme1);
                    pj = _pe[e];
                    p = _pe[me];
                }

                degme += nvi;
                _nv[i] = -nvi;
                _iw[_pfree++] = i;
                RemoveDegreeList(i);
            }

            if (e != me)
            {
                _pe[e] = -1; // absorbed into me
                _w[e] = 0;
            }
        }

        return (pme1, degme);
    }

    /// <summary>
    /// Moves every live list to the front of the workspace, then the partial element starting at
    /// <paramref name="pme1"/>; grows the workspace if less than n entries remain free. Returns the new element start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Compact(int pme1)
    {
        Compactions++;
        int n = _n;

        // Tag the first slot of each live list with its owner (negative), keeping the displaced entry in _pe.
        for (int j = 0; j < n; j++)
        {
            int start = _pe[j];
            if (start >= 0 && _len[j] > 0)
            {
                _pe[j] = _iw[start];
                _iw[start] = -(j + 1);
            }
        }

        int dst = 0;
        int src = 0;
        while (src < pme1)
        {
            int v = _iw[src++];
            if (v >= 0)
            {
                continue;
            }

            int j = -v - 1;
            _iw[dst] = _pe[j];
            _pe[j] = dst++;
            for (int t = 1; t < _len[j]; t++)
            {
                _iw[dst++] = _iw[src++];
            }
        }

        int newStart = dst;
        for (src = pme1; src < _pfree; src++)
        {
            _iw[dst++] = _iw[src];
        }

        _pfree = dst;
        if (_iw.Length - _pfree < n)
        {
            Array.Resize(ref _iw, Math.Max(_iw.Length * 2, _pfree + n + 1));
        }

        return newStart;
    }

    /// <summary>
    /// Compares the variables in one hash bucket pairwise; each variable whose list equals an earlier one's is
    /// merged into it. The bucket is emptied.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MergeIndistinguishable(int bucket)
    {
        int i = _hashHead[bucket];
        _hashHead[bucket] = -1;
        while (i >= 0)
        {
            int leni = _len[i];
            int eleni = _elen[i];
            int first = _hashNext[i];
            if (first >= 0)
            {
                int tag = NewMarkTag();
                int start = _pe[i];
                for (int p = start + 1; p < start + leni; p++)
                {
                    _mark[_iw[p]] = tag;
                }

                int previous = i;
                int j = first;
                while (j >= 0)
                {
                    int nextJ = _hashNext[j];
                    if (_len[j] == leni && _elen[j] == eleni && _set[j] == _set[i] && SameList(j, tag))
                    {
                        // j joins supervariable i (weights are both negated while in Lme).
                        _nv[i] += _nv[j];
                        _nv[j] = 0;
                        _elen[j] = -1;
                        _pe[j] = -1;
                        _memberNext[_memberLast[i]] = j;
                        _memberLast[i] = _memberLast[j];
                        _hashNext[previous] = nextJ;
                    }
                    else
                    {
                        previous = j;
                    }

                    j = nextJ;
                }
            }

            i = _hashNext[i];
        }
    }

    private bool SameList(int j, int tag)
    {
        int start = _pe[j];
        int end = start + _len[j];
        for (int p = start + 1; p < end; p++)
        {
            if (_mark[_iw[p]] != tag)
            {
                return false;
            }
        }

        return true;
    }

    private int NewMarkTag()
    {
        if (_markTag == int.MaxValue)
        {
            Array.Clear(_mark);
            _markTag = 0;
        }

        return ++_markTag;
    }

    /// <summary>Advances _wflg past every value in _w (which never exceeds the old _wflg + lemax), resetting before overflow.</summary>
    private void NewWFlag()
    {
        if ((long)_wflg + (2L * _lemax) + 4 > int.MaxValue)
        {
            for (int x = 0; x < _n; x++)
            {
                if (_w[x] != 0)
                {
                    _w[x] = 1;
                }
            }

            _wflg = 2;
            return;
        }

        _wflg += _lemax + 1;
    }

    private void AppendMembers(int i)
    {
        for (int x = i; x >= 0; x = _memberNext[x])
        {
            _order[_ordered++] = x;
        }
    }

    private void InsertDegreeList(int i, int deg)
    {
        deg += _set[i] * _n;
        int first = _head[deg];
        _next[i] = first;
        _prev[i] = -1;
        if (first >= 0)
        {
            _prev[first] = i;
        }

        _head[deg] = i;
    }

    private void RemoveDegreeList(int i)
    {
        int nx = _next[i];
        int pv = _prev[i];
        if (nx >= 0)
        {
            _prev[nx] = pv;
        }

        if (pv >= 0)
        {
            _next[pv] = nx;
        }
        else
        {
            _head[(_set[i] * _n) + _degree[i]] = nx;
        }
    }
}
