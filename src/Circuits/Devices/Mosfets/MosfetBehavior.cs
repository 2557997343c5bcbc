using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The level-1 and level-3 MOSFETs as ngspice 39's mos1load.c / mos1temp.c / mos1acld.c / mos1conv.c / mos1trun.c
/// and their mos3 counterparts, which share everything but the drain current (<see cref="ShichmanHodges"/>,
/// <see cref="Mos3DrainCurrent"/>) and a few temperature details: source/drain interchange, bulk junction diodes with
/// their depletion charges, Meyer's gate capacitances (devsup.c DEVqmeyer) plus overlaps, and DEVfetlim / DEVlimvds /
/// DEVpnjlim limiting. Internal nodes <c>m#drain</c> and <c>m#source</c> appear when RD and RS are non-zero. Not
/// ported: RSH with NRD/NRS squares.
/// </summary>
public sealed partial class MosfetBehavior : Behavior, ITemperatureBehavior, IBiasingBehavior, IConvergenceBehavior,
    IFrequencyBehavior, IInitialConditionBehavior
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly Mosfet _entity;
    private readonly MosfetModel _model;
    private readonly double _type;   // +1 NMOS, -1 PMOS, as a double: it multiplies voltages and currents
    private readonly bool _level3;
    private readonly IMosfetDrainCurrent _current;
    private readonly double _effectiveLength, _effectiveWidth;
    private readonly int _d, _g, _s, _b, _dp, _sp;

    private readonly int _st;
    private int Vbd => _st;
    private int Vbs => _st + 1;
    private int Vgs => _st + 2;
    private int Vds => _st + 3;
    private int Capgs => _st + 4;
    private int Qgs => _st + 5;     // + 6 cqgs
    private int Capgd => _st + 7;
    private int Qgd => _st + 8;     // + 9 cqgd
    private int Capgb => _st + 10;
    private int Qgb => _st + 11;    // + 12 cqgb
    private int Qbd => _st + 13;    // + 14 cqbd
    private int Qbs => _st + 15;    // + 16 cqbs
    private const int StateCount = 17;
    private double _drainSatCur, _sourceSatCur, _gateSourceOverlapCap, _gateDrainOverlapCap, _gateBulkOverlapCap, _beta, _oxideCap;

    // model values after mos1temp's preprocessing
    private double _vt0, _kp, _gamma, _phi, _oxideCapFactor;
    // temperature-adjusted instance values
    private double _temp, _tTransconductance, _tPhi, _tVbi, _tVto, _tSatCur, _tSatCurDens, _tBulkPot, _tDepCap;
    private double _cbd, _cbdsw, _cbs, _cbssw, _f2d, _f3d, _f4d, _f2s, _f3s, _f4s, _drainVcrit, _sourceVcrit;
    private double _drainConductance, _sourceConductance;

    // instance quantities kept between iterations (as ngspice keeps them in the instance)
    private int _mode = 1;
    private double _cd, _cbsI, _cbdI, _gbs, _gbd, _gm, _gds, _gmbs, _von, _vdsat, _capbd, _capbs;

    private int _dd, _gg, _ss, _bb, _dpdp, _spsp, _ddp, _gb, _gdp, _gsp, _ssp, _bdp, _bsp, _dpsp, _dpd, _bg, _dpg, _spg, _sps, _dpb, _spb, _spdp;

    public MosfetBehavior(Mosfet entity, MosfetModel model, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _entity = entity;
        _model = model;
        _type = model.Polarity;
        _level3 = model.Level == 3;
        _current = _level3 ? new Mos3DrainCurrent(model) : new ShichmanHodges(model.Lambda);
        _effectiveLength = model.EffectiveLength(entity.Length);
        _effectiveWidth = model.EffectiveWidth(entity.Width);
        _d = context.Node(entity.Nodes[0]);
        _g = context.Node(entity.Nodes[1]);
        _s = context.Node(entity.Nodes[2]);
        _b = context.Node(entity.Nodes[3]);
        _dp = model.DrainResistance != 0 ? context.Unknowns.InternalNode(entity.Name, "drain") : _d;
        _sp = model.SourceResistance != 0 ? context.Unknowns.InternalNode(entity.Name, "source") : _s;
        _st = context.AllocateStates(StateCount);
        // Gate (junction) charges take part in the truncation error control as SPICE's DEVtrunc has them.
        context.RegisterCharge(Qgs);
        context.RegisterCharge(Qgd);
        context.RegisterCharge(Qgb);
        if (_effectiveLength <= 0)
            throw new CircuitException(_level3
                ? $"{entity.Name}: the effective channel length l - 2 ld + xl is not positive"
                : $"{entity.Name}: the effective channel length l - 2 ld is not positive", entity.Name);
        if (_effectiveWidth <= 0)
            throw new CircuitException($"{entity.Name}: the effective channel width w - 2 wd + xw is not positive", entity.Name);
    }

    /// <summary>The drain current (A, into the drain) at the last load, and the small-signal values there.</summary>
    public double DrainCurrent => _mode * (_cd + _cbdI) * _type;
    public double Transconductance => _gm;
    public double OutputConductance => _gds;

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _dd = m.GetElement(_d, _d);
        _gg = m.GetElement(_g, _g);
        _ss = m.GetElement(_s, _s);
        _bb = m.GetElement(_b, _b);
        _dpdp = m.GetElement(_dp, _dp);
        _spsp = m.GetElement(_sp, _sp);
        _ddp = m.GetElement(_d, _dp);
        _gb = m.GetElement(_g, _b);
        _gdp = m.GetElement(_g, _dp);
        _gsp = m.GetElement(_g, _sp);
        _ssp = m.GetElement(_s, _sp);
        _bdp = m.GetElement(_b, _dp);
        _bsp = m.GetElement(_b, _sp);
        _dpsp = m.GetElement(_dp, _sp);
        _dpd = m.GetElement(_dp, _d);
        _bg = m.GetElement(_b, _g);
        _dpg = m.GetElement(_dp, _g);
        _spg = m.GetElement(_sp, _g);
        _sps = m.GetElement(_sp, _s);
        _dpb = m.GetElement(_dp, _b);
        _spb = m.GetElement(_sp, _b);
        _spdp = m.GetElement(_sp, _dp);
    }

    public void SetInitialCondition()
    {
        // mos1ic.c: take vds, vgs, vbs from the node values when not given on the device
        var x = _biasing.Solution;
        if (_entity.InitialVds == 0 && !_icVdsFromNodes.HasValue) _icVdsFromNodes = x[_d] - x[_s];
        if (_entity.InitialVgs == 0 && !_icVgsFromNodes.HasValue) _icVgsFromNodes = x[_g] - x[_s];
        if (_entity.InitialVbs == 0 && !_icVbsFromNodes.HasValue) _icVbsFromNodes = x[_b] - x[_s];
    }

    private double? _icVdsFromNodes, _icVgsFromNodes, _icVbsFromNodes;
    private double IcVds => _entity.InitialVds != 0 ? _entity.InitialVds : _icVdsFromNodes ?? 0;
    private double IcVgs => _entity.InitialVgs != 0 ? _entity.InitialVgs : _icVgsFromNodes ?? 0;
    private double IcVbs => _entity.InitialVbs != 0 ? _entity.InitialVbs : _icVbsFromNodes ?? 0;

    public void Temperature()
    {
        var model = _model;
        const double refTemp = PhysicalConstants.ReferenceTemperature;
        const double boltz = PhysicalConstants.Boltzmann, charge = PhysicalConstants.Charge;
        var tnom = (model.NominalTemperature ?? _biasing.Options.NominalTemperature) + PhysicalConstants.CelsiusToKelvin;
        var fact1 = tnom / refTemp;
        var vtnom = tnom * PhysicalConstants.KOverQ;
        var kt1 = boltz * tnom;
        var egfet1 = 1.16 - 7.02e-4 * tnom * tnom / (tnom + 1108);
        var arg1 = -egfet1 / (kt1 + kt1) + 1.1150877 / (boltz * (refTemp + refTemp));
        var pbfact1 = -2 * vtnom * (1.5 * Math.Log(fact1) + charge * arg1);
        // the intrinsic carrier density NSUB is compared with: level 3 follows it to TNOM, level 1 keeps 300 K's
        var ni = 1.45e16;
        if (_level3)
        {
            var nifact = tnom / 300 * Math.Sqrt(tnom / 300);
            nifact *= Math.Exp(0.5 * egfet1 * (1 / (double)300 - 1 / tnom) / PhysicalConstants.KOverQ);
            ni = 1.45e16 * nifact;
        }

        // model defaulting and preprocessing (mos1set.c, mos1temp.c)
        _phi = model.Phi ?? 0.6;
        _gamma = model.Gamma ?? 0;
        _vt0 = model.ThresholdVoltage ?? 0;
        _kp = model.Transconductance ?? 2e-5;
        var oxideThickness = _level3 ? model.OxideThickness ?? 1e-7 : model.OxideThickness;
        if (_level3 && oxideThickness <= 0) throw new CircuitException($"{model.Name}: TOX is not positive", model.Name);
        if (oxideThickness is not { } tox || tox == 0)
        {
            _oxideCapFactor = 0;
        }
        else
        {
            _oxideCapFactor = 3.9 * 8.854214871e-12 / tox;
            if (model.Transconductance is null) _kp = (model.SurfaceMobility ?? 600) * _oxideCapFactor * 1e-4;
            if (model.SubstrateDoping is { } nsub)
            {
                if (nsub * 1e6 > ni)
                {
                    if (model.Phi is null) _phi = Math.Max(.1, 2 * vtnom * Math.Log(nsub * 1e6 / ni));
                    var fermis = _type * .5 * _phi;
                    var wkfng = 3.2;
                    var gateType = model.GateType ?? 1;
                    if (gateType != 0)
                    {
                        var fermig = _type * gateType * .5 * egfet1;
                        wkfng = 3.25 + .5 * egfet1 - fermig;
                    }
                    var wkfngs = wkfng - (3.25 + .5 * egfet1 + fermis);
                    if (model.Gamma is null) _gamma = Math.Sqrt(2 * 11.70 * 8.854214871e-12 * charge * nsub * 1e6) / _oxideCapFactor;
                    if (model.ThresholdVoltage is null)
                    {
                        var nss = model.SurfaceStateDensity ?? 0;
                        var vfb = wkfngs - nss * 1e4 * charge / _oxideCapFactor;
                        _vt0 = vfb + _type * (_gamma * Math.Sqrt(_phi) + _phi);
                    }
                }
                else
                {
                    throw new CircuitException($"{model.Name}: Nsub < Ni", model.Name);
                }
            }
        }
        if (_phi <= 0) throw new CircuitException($"{model.Name}: Phi is not positive", model.Name);

        var e = _entity;
        _temp = _biasing.Temperature;
        var vt = _temp * PhysicalConstants.KOverQ;
        var ratio = _temp / tnom;
        var fact2 = _temp / refTemp;
        var kt = _temp * boltz;
        var egfet = 1.16 - 7.02e-4 * _temp * _temp / (_temp + 1108);
        var arg = -egfet / (kt + kt) + 1.1150877 / (boltz * (refTemp + refTemp));
        var pbfact = -2 * vt * (1.5 * Math.Log(fact2) + charge * arg);

        var ratio4 = ratio * Math.Sqrt(ratio);
        _tTransconductance = _kp / ratio4;
        var phio = (_phi - pbfact1) / fact1;
        _tPhi = fact2 * phio + pbfact;
        _tVbi = model.DelVto + _vt0 - _type * (_gamma * Math.Sqrt(_phi)) + .5 * (egfet1 - egfet) + _type * .5 * (_tPhi - _phi);
        _tVto = _tVbi + _type * _gamma * Math.Sqrt(_tPhi);
        var tSurfaceMobility = (model.SurfaceMobility ?? 600) / ratio4;
        _tSatCur = model.JunctionSatCur * Math.Exp(-egfet / vt + egfet1 / vtnom);
        _tSatCurDens = model.JunctionSatCurDensity * Math.Exp(-egfet / vt + egfet1 / vtnom);
        var pbo = (model.BulkJunctionPotential - pbfact1) / fact1;
        var gmaold = (model.BulkJunctionPotential - pbo) / pbo;
        var mj = model.BulkJunctionBotGradingCoeff;
        var mjsw = model.BulkJunctionSideGradingCoeff;
        var capfact = 1 / (1 + mj * (4e-4 * (tnom - refTemp) - gmaold));
        var tCbd = (model.CapBD ?? 0) * capfact;
        var tCbs = (model.CapBS ?? 0) * capfact;
        var tCj = (model.BulkCapFactor ?? 0) * capfact;
        capfact = 1 / (1 + mjsw * (4e-4 * (tnom - refTemp) - gmaold));
        var tCjsw = (model.SideWallCapFactor ?? 0) * capfact;
        _tBulkPot = fact2 * pbo + pbfact;
        var gmanew = (_tBulkPot - pbo) / pbo;
        capfact = 1 + mj * (4e-4 * (_temp - refTemp) - gmanew);
        tCbd *= capfact;
        tCbs *= capfact;
        tCj *= capfact;
        capfact = 1 + mjsw * (4e-4 * (_temp - refTemp) - gmanew);
        tCjsw *= capfact;
        var fc = model.ForwardCapDepCoeff;
        _tDepCap = fc * _tBulkPot;
        var mult = e.Multiplier;
        if (_tSatCurDens == 0 || e.DrainArea == 0 || e.SourceArea == 0)
        {
            _sourceVcrit = _drainVcrit = vt * Math.Log(vt / (PhysicalConstants.Root2 * mult * _tSatCur));
        }
        else
        {
            _drainVcrit = vt * Math.Log(vt / (PhysicalConstants.Root2 * mult * _tSatCurDens * e.DrainArea));
            _sourceVcrit = vt * Math.Log(vt / (PhysicalConstants.Root2 * mult * _tSatCurDens * e.SourceArea));
        }

        var czbd = model.CapBD is not null ? tCbd * mult : model.BulkCapFactor is not null ? tCj * mult * e.DrainArea : 0;
        var czbdsw = model.SideWallCapFactor is not null ? tCjsw * e.DrainPerimeter * mult : 0;
        var argc = 1 - fc;
        var sarg = Math.Exp(-mj * Math.Log(argc));
        var sargsw = Math.Exp(-mjsw * Math.Log(argc));
        _cbd = czbd;
        _cbdsw = czbdsw;
        _f2d = czbd * (1 - fc * (1 + mj)) * sarg / argc + czbdsw * (1 - fc * (1 + mjsw)) * sargsw / argc;
        _f3d = czbd * mj * sarg / argc / _tBulkPot + czbdsw * mjsw * sargsw / argc / _tBulkPot;
        _f4d = czbd * _tBulkPot * (1 - argc * sarg) / (1 - mj) + czbdsw * _tBulkPot * (1 - argc * sargsw) / (1 - mjsw)
               - _f3d / 2 * (_tDepCap * _tDepCap) - _tDepCap * _f2d;
        var czbs = model.CapBS is not null ? tCbs * mult : model.BulkCapFactor is not null ? tCj * e.SourceArea * mult : 0;
        var czbssw = model.SideWallCapFactor is not null ? tCjsw * e.SourcePerimeter * mult : 0;
        _cbs = czbs;
        _cbssw = czbssw;
        _f2s = czbs * (1 - fc * (1 + mj)) * sarg / argc + czbssw * (1 - fc * (1 + mjsw)) * sargsw / argc;
        _f3s = czbs * mj * sarg / argc / _tBulkPot + czbssw * mjsw * sargsw / argc / _tBulkPot;
        _f4s = czbs * _tBulkPot * (1 - argc * sarg) / (1 - mj) + czbssw * _tBulkPot * (1 - argc * sargsw) / (1 - mjsw)
               - _f3s / 2 * (_tDepCap * _tDepCap) - _tDepCap * _f2s;
        _drainConductance = model.DrainResistance != 0 ? mult / model.DrainResistance : 0;
        _sourceConductance = model.SourceResistance != 0 ? mult / model.SourceResistance : 0;

        // What every load uses and only the temperature changes (mos1load.c computes these per load).
        var effectiveLength = _effectiveLength;
        if (_tSatCurDens == 0 || e.DrainArea == 0 || e.SourceArea == 0)
        {
            _drainSatCur = mult * _tSatCur;
            _sourceSatCur = mult * _tSatCur;
        }
        else
        {
            _drainSatCur = _tSatCurDens * mult * e.DrainArea;
            _sourceSatCur = _tSatCurDens * mult * e.SourceArea;
        }
        _gateSourceOverlapCap = model.GateSourceOverlapCapFactor * mult * _effectiveWidth;
        _gateDrainOverlapCap = model.GateDrainOverlapCapFactor * mult * _effectiveWidth;
        _gateBulkOverlapCap = model.GateBulkOverlapCapFactor * mult * effectiveLength;
        _beta = _tTransconductance * mult * _effectiveWidth / effectiveLength;
        _oxideCap = _oxideCapFactor * effectiveLength * mult * _effectiveWidth;
        _current.Prepare(new MosfetChannel(_type, _tVbi, _gamma, _tPhi, _beta, _oxideCapFactor, _oxideCap,
            effectiveLength, _effectiveWidth, mult, tSurfaceMobility));
    }

    public void Load()
    {
        var model = _model;
        var e = _entity;
        var s0 = _transient.States[0];
        var s1 = _transient.States[1];
        var x = _biasing.Solution;
        var vt = PhysicalConstants.KOverQ * _temp;
        var check = true;
        var (drainSatCur, sourceSatCur) = (_drainSatCur, _sourceSatCur);
        var (gateSourceOverlapCap, gateDrainOverlapCap, gateBulkOverlapCap) = (_gateSourceOverlapCap, _gateDrainOverlapCap, _gateBulkOverlapCap);
        var beta = _beta;
        var oxideCap = _oxideCap;

        double vbs, vgs, vds, vbd, vgd, vgb, cdrain;
        double capgs = 0, capgd = 0, capgb = 0;
        var xfact = 0.0;
        var init = _biasing.Init;
        var predicting = init is InitializationMode.Predict or InitializationMode.Transient;
        if (init is InitializationMode.Float or InitializationMode.Predict or InitializationMode.SmallSignal or InitializationMode.Transient
            || (init == InitializationMode.Fix && !e.Off))
        {
            if (predicting)
            {
                var s2 = _transient.States[2];
                xfact = _transient.Delta / _transient.DeltaOld[1];
                At(s0, Vbs) = At(s1, Vbs);
                vbs = (1 + xfact) * At(s1, Vbs) - xfact * At(s2, Vbs);
                At(s0, Vgs) = At(s1, Vgs);
                vgs = (1 + xfact) * At(s1, Vgs) - xfact * At(s2, Vgs);
                At(s0, Vds) = At(s1, Vds);
                vds = (1 + xfact) * At(s1, Vds) - xfact * At(s2, Vds);
                At(s0, Vbd) = At(s0, Vbs) - At(s0, Vds);
            }
            else
            {
                vbs = _type * (At(x, _b) - At(x, _sp));
                vgs = _type * (At(x, _g) - At(x, _sp));
                vds = _type * (At(x, _dp) - At(x, _sp));
                if (init != InitializationMode.SmallSignal && _biasing.Options.Bypass && Unmoved(vbs, vgs, vds, s0))
                {
                    // mos1load's bypass: nothing moved beyond the tolerances since the last evaluation, whose
                    // currents, conductances and charges are still in the instance and state 0; stamp them again.
                    vbs = At(s0, Vbs);
                    vbd = At(s0, Vbd);
                    vgs = At(s0, Vgs);
                    vds = At(s0, Vds);
                    vgd = vgs - vds;
                    vgb = vgs - vbs;
                    cdrain = _mode * (_cd + _cbdI);
                    var tran = (_biasing.Mode & (AnalysisMode.Transient | AnalysisMode.TransientOperatingPoint)) != 0;
                    capgs = tran ? At(s0, Capgs) + At(s1, Capgs) + gateSourceOverlapCap : 0;
                    capgd = tran ? At(s0, Capgd) + At(s1, Capgd) + gateDrainOverlapCap : 0;
                    capgb = tran ? At(s0, Capgb) + At(s1, Capgb) + gateBulkOverlapCap : 0;
                    _biasing.BypassedLoads++;
                    goto Bypassed;
                }
            }
            vbd = vbs - vds;
            vgd = vgs - vds;
            var vgdo = At(s0, Vgs) - At(s0, Vds);

            // limiting
            var von = _type * _von;
            if (At(s0, Vds) >= 0)
            {
                vgs = JunctionLimiting.Fet(vgs, At(s0, Vgs), von);
                vds = vgs - vgd;
                vds = JunctionLimiting.Vds(vds, At(s0, Vds));
                vgd = vgs - vds;
            }
            else
            {
                vgd = JunctionLimiting.Fet(vgd, vgdo, von);
                vds = vgs - vgd;
                vds = -JunctionLimiting.Vds(-vds, -At(s0, Vds));
                vgs = vgd + vds;
            }
            if (vds >= 0)
            {
                vbs = JunctionLimiting.Pnj(vbs, At(s0, Vbs), vt, _sourceVcrit, out check);
                vbd = vbs - vds;
            }
            else
            {
                vbd = JunctionLimiting.Pnj(vbd, At(s0, Vbd), vt, _drainVcrit, out check);
                vbs = vbd + vds;
            }
        }
        else if (init == InitializationMode.Junction && !e.Off)
        {
            vds = _type * IcVds;
            vgs = _type * IcVgs;
            vbs = _type * IcVbs;
            if (vds == 0 && vgs == 0 && vbs == 0
                && ((_biasing.Mode & (AnalysisMode.Transient | AnalysisMode.DcOperatingPoint | AnalysisMode.DcSweep)) != 0 || !_biasing.UseIc))
            {
                vbs = -1;
                vgs = _type * _tVto;
                vds = 0;
            }
        }
        else
        {
            vbs = vgs = vds = 0;
        }

        vbd = vbs - vds;
        vgd = vgs - vds;
        vgb = vgs - vbs;

        // bulk-source and bulk-drain diodes
        if (vbs <= -3 * vt && _level3)
        {
            ReverseJunction(vbs, vt, sourceSatCur, out _cbsI, out _gbs);
        }
        else if (vbs <= -3 * vt)
        {
            _gbs = _biasing.Gmin;
            _cbsI = _gbs * vbs - sourceSatCur;
        }
        else
        {
            var evbs = Math.Exp(Math.Min(MaxExpArg, vbs / vt));
            _gbs = sourceSatCur * evbs / vt + _biasing.Gmin;
            _cbsI = sourceSatCur * (evbs - 1) + _biasing.Gmin * vbs;
        }
        if (vbd <= -3 * vt && _level3)
        {
            ReverseJunction(vbd, vt, drainSatCur, out _cbdI, out _gbd);
        }
        else if (vbd <= -3 * vt)
        {
            _gbd = _biasing.Gmin;
            _cbdI = _gbd * vbd - drainSatCur;
        }
        else
        {
            var evbd = Math.Exp(Math.Min(MaxExpArg, vbd / vt));
            _gbd = drainSatCur * evbd / vt + _biasing.Gmin;
            _cbdI = drainSatCur * (evbd - 1) + _biasing.Gmin * vbd;
        }

        _mode = vds >= 0 ? 1 : -1;

        // the level's drain current, evaluated in forward mode
        double vdsat;
        cdrain = _mode == 1
            ? _current.Evaluate(vgs, vbs, vds, vt, out _gm, out _gds, out _gmbs, out var vonLocal, out vdsat)
            : _current.Evaluate(vgd, vbd, -vds, vt, out _gm, out _gds, out _gmbs, out vonLocal, out vdsat);
        _von = _type * vonLocal;
        _vdsat = _type * vdsat;

        _cd = _mode * cdrain - _cbdI;
        var tranLike = (_biasing.Mode & (AnalysisMode.Transient | AnalysisMode.TransientOperatingPoint)) != 0 || init == InitializationMode.SmallSignal;
        if (tranLike)
        {
            // bulk-source depletion capacitance
            if (_cbs != 0 || _cbssw != 0)
            {
                if (vbs < _tDepCap)
                {
                    var arg = 1 - vbs / _tBulkPot;
                    Grading(arg, out var sarg, out var sargsw);
                    At(s0, Qbs) = _tBulkPot * (_cbs * (1 - arg * sarg) / (1 - model.BulkJunctionBotGradingCoeff)
                        + _cbssw * (1 - arg * sargsw) / (1 - model.BulkJunctionSideGradingCoeff));
                    _capbs = _cbs * sarg + _cbssw * sargsw;
                }
                else
                {
                    At(s0, Qbs) = _f4s + vbs * (_f2s + vbs * (_f3s / 2));
                    _capbs = _f2s + _f3s * vbs;
                }
            }
            else
            {
                At(s0, Qbs) = 0;
                _capbs = 0;
            }
            // bulk-drain depletion capacitance
            if (_cbd != 0 || _cbdsw != 0)
            {
                if (vbd < _tDepCap)
                {
                    var arg = 1 - vbd / _tBulkPot;
                    Grading(arg, out var sarg, out var sargsw);
                    At(s0, Qbd) = _tBulkPot * (_cbd * (1 - arg * sarg) / (1 - model.BulkJunctionBotGradingCoeff)
                        + _cbdsw * (1 - arg * sargsw) / (1 - model.BulkJunctionSideGradingCoeff));
                    _capbd = _cbd * sarg + _cbdsw * sargsw;
                }
                else
                {
                    At(s0, Qbd) = _f4d + vbd * (_f2d + vbd * _f3d / 2);
                    _capbd = _f2d + vbd * _f3d;
                }
            }
            else
            {
                At(s0, Qbd) = 0;
                _capbd = 0;
            }

            if (_biasing.IsTransient || (init == InitializationMode.Transient && !_biasing.UseIc))
            {
                _transient.Integrate(Qbd, _capbd, out var geq, out _);
                _gbd += geq;
                _cbdI += At(s0, Qbd + 1);
                _cd -= At(s0, Qbd + 1);
                _transient.Integrate(Qbs, _capbs, out geq, out _);
                _gbs += geq;
                _cbsI += At(s0, Qbs + 1);
            }
        }

        // check convergence
        if (!e.Off || (init != InitializationMode.Fix && init != InitializationMode.SmallSignal))
        {
            if (check)
            {
                _biasing.NotConverged(Name);
            }
        }

        At(s0, Vbs) = vbs;
        At(s0, Vbd) = vbd;
        At(s0, Vgs) = vgs;
        At(s0, Vds) = vds;

        // Meyer's capacitor model
        if (tranLike)
        {
            if (_mode > 0)
                Meyer(vgs, vgd, vonLocal, vdsat, out At(s0, Capgs), out At(s0, Capgd), out At(s0, Capgb), _tPhi, oxideCap);
            else
                Meyer(vgd, vgs, vonLocal, vdsat, out At(s0, Capgd), out At(s0, Capgs), out At(s0, Capgb), _tPhi, oxideCap);
            var vgs1 = At(s1, Vgs);
            var vgd1 = vgs1 - At(s1, Vds);
            var vgb1 = vgs1 - At(s1, Vbs);
            if ((_biasing.Mode & AnalysisMode.TransientOperatingPoint) != 0 || init == InitializationMode.SmallSignal)
            {
                capgs = 2 * At(s0, Capgs) + gateSourceOverlapCap;
                capgd = 2 * At(s0, Capgd) + gateDrainOverlapCap;
                capgb = 2 * At(s0, Capgb) + gateBulkOverlapCap;
            }
            else
            {
                capgs = At(s0, Capgs) + At(s1, Capgs) + gateSourceOverlapCap;
                capgd = At(s0, Capgd) + At(s1, Capgd) + gateDrainOverlapCap;
                capgb = At(s0, Capgb) + At(s1, Capgb) + gateBulkOverlapCap;
            }
            if (predicting)
            {
                var s2 = _transient.States[2];
                At(s0, Qgs) = (1 + xfact) * At(s1, Qgs) - xfact * At(s2, Qgs);
                At(s0, Qgd) = (1 + xfact) * At(s1, Qgd) - xfact * At(s2, Qgd);
                At(s0, Qgb) = (1 + xfact) * At(s1, Qgb) - xfact * At(s2, Qgb);
            }
            else if (_biasing.IsTransient)
            {
                At(s0, Qgs) = (vgs - vgs1) * capgs + At(s1, Qgs);
                At(s0, Qgd) = (vgd - vgd1) * capgd + At(s1, Qgd);
                At(s0, Qgb) = (vgb - vgb1) * capgb + At(s1, Qgb);
            }
            else
            {
                At(s0, Qgs) = vgs * capgs;
                At(s0, Qgd) = vgd * capgd;
                At(s0, Qgb) = vgb * capgb;
            }
        }

    Bypassed:
        double gcgs, ceqgs, gcgd, ceqgd, gcgb, ceqgb;
        if (init == InitializationMode.Transient || !_biasing.IsTransient)
        {
            gcgs = ceqgs = gcgd = ceqgd = gcgb = ceqgb = 0;
        }
        else
        {
            if (capgs == 0) At(s0, Qgs + 1) = 0;
            if (capgd == 0) At(s0, Qgd + 1) = 0;
            if (capgb == 0) At(s0, Qgb + 1) = 0;
            _transient.Integrate(Qgs, capgs, out gcgs, out ceqgs);
            _transient.Integrate(Qgd, capgd, out gcgd, out ceqgd);
            _transient.Integrate(Qgb, capgb, out gcgb, out ceqgb);
            var ag0 = _transient.Ag[0];
            ceqgs = ceqgs - gcgs * vgs + ag0 * At(s0, Qgs);
            ceqgd = ceqgd - gcgd * vgd + ag0 * At(s0, Qgd);
            ceqgb = ceqgb - gcgb * vgb + ag0 * At(s0, Qgb);
        }

        // load current vector
        var ceqbs = _type * (_cbsI - _gbs * vbs);
        var ceqbd = _type * (_cbdI - _gbd * vbd);
        int xnrm, xrev;
        double cdreq;
        if (_mode >= 0)
        {
            xnrm = 1;
            xrev = 0;
            cdreq = _type * (cdrain - _gds * vds - _gm * vgs - _gmbs * vbs);
        }
        else
        {
            xnrm = 0;
            xrev = 1;
            cdreq = -_type * (cdrain - _gds * (-vds) - _gm * vgd - _gmbs * vbd);
        }
        var rhs = _biasing.Rhs;
        At(rhs, _g) -= _type * (ceqgs + ceqgb + ceqgd);
        At(rhs, _b) -= ceqbs + ceqbd - _type * ceqgb;
        At(rhs, _dp) += ceqbd - cdreq + _type * ceqgd;
        At(rhs, _sp) += cdreq + ceqbs + _type * ceqgs;

        // load y matrix
        var v = _biasing.Matrix.Values;
        At(v, _dd) += _drainConductance;
        At(v, _gg) += gcgd + gcgs + gcgb;
        At(v, _ss) += _sourceConductance;
        At(v, _bb) += _gbd + _gbs + gcgb;
        At(v, _dpdp) += _drainConductance + _gds + _gbd + xrev * (_gm + _gmbs) + gcgd;
        At(v, _spsp) += _sourceConductance + _gds + _gbs + xnrm * (_gm + _gmbs) + gcgs;
        At(v, _ddp) += -_drainConductance;
        At(v, _gb) -= gcgb;
        At(v, _gdp) -= gcgd;
        At(v, _gsp) -= gcgs;
        At(v, _ssp) += -_sourceConductance;
        At(v, _bg) -= gcgb;
        At(v, _bdp) -= _gbd;
        At(v, _bsp) -= _gbs;
        At(v, _dpd) += -_drainConductance;
        At(v, _dpg) += (xnrm - xrev) * _gm - gcgd;
        At(v, _dpb) += -_gbd + (xnrm - xrev) * _gmbs;
        At(v, _dpsp) += -_gds - xnrm * (_gm + _gmbs);
        At(v, _spg) += -(xnrm - xrev) * _gm - gcgs;
        At(v, _sps) += -_sourceConductance;
        At(v, _spb) += -_gbs - (xnrm - xrev) * _gmbs;
        At(v, _spdp) += -_gds - xrev * (_gm + _gmbs);
    }

    /// <summary>An element of a state vector, the matrix values or the right-hand side by an index from set-up (in range by construction), without a bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double At(double[] array, int index) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index);

    private const double MaxExpArg = 709.0;

    /// <summary>mos3load's reverse-biased junction (below -3 vt): the saturation current approached as a cubic, plus gmin.</summary>
    private void ReverseJunction(double v, double vt, double satCur, out double current, out double conductance)
    {
        var arg = 3 * vt / (v * PhysicalConstants.E);
        arg = arg * arg * arg;
        current = -satCur * (1 + arg) + _biasing.Gmin * v;
        conductance = satCur * 3 * arg / v + _biasing.Gmin;
    }

    private void Grading(double arg, out double sarg, out double sargsw)
    {
        var mj = _model.BulkJunctionBotGradingCoeff;
        var mjsw = _model.BulkJunctionSideGradingCoeff;
        sarg = mj == .5 ? 1 / Math.Sqrt(arg) : Math.Exp(-mj * Math.Log(arg));
        sargsw = mjsw == .5 ? 1 / Math.Sqrt(arg) : Math.Exp(-mjsw * Math.Log(arg));
    }

    /// <summary>devsup.c DEVqmeyer: half the non-constant Meyer capacitances (the other half comes from the previous time point).</summary>
    internal static void Meyer(double vgs, double vgd, double von, double vdsat, out double capgs, out double capgd,
        out double capgb, double phi, double cox)
    {
        const double magicVds = 0.025;
        var vgst = vgs - von;
        vdsat = Math.Max(vdsat, magicVds);
        if (vgst <= -phi)
        {
            capgb = cox / 2;
            capgs = 0;
            capgd = 0;
        }
        else if (vgst <= -phi / 2)
        {
            capgb = -vgst * cox / (2 * phi);
            capgs = 0;
            capgd = 0;
        }
        else if (vgst <= 0)
        {
            capgb = -vgst * cox / (2 * phi);
            capgs = vgst * cox / (1.5 * phi) + cox / 3;
            var vds = vgs - vgd;
            if (vds >= vdsat)
            {
                capgd = 0;
            }
            else
            {
                var vddif = 2.0 * vdsat - vds;
                var vddif1 = vdsat - vds;
                var vddif2 = vddif * vddif;
                capgd = capgs * (1.0 - vdsat * vdsat / vddif2);
                capgs *= 1.0 - vddif1 * vddif1 / vddif2;
            }
        }
        else
        {
            var vds = vgs - vgd;
            if (vdsat <= vds)
            {
                capgs = cox / 3;
                capgd = 0;
                capgb = 0;
            }
            else
            {
                var vddif = 2.0 * vdsat - vds;
                var vddif1 = vdsat - vds;
                var vddif2 = vddif * vddif;
                capgd = cox * (1.0 - vdsat * vdsat / vddif2) / 3;
                capgs = cox * (1.0 - vddif1 * vddif1 / vddif2) / 3;
                capgb = 0;
            }
        }
    }

    /// <summary>
    /// mos1load's bypass test: the terminal voltages moved less than reltol of their size plus vntol since the last
    /// evaluation, and the currents that evaluation's linearisation predicts differ from its own by less than the
    /// current tolerances.
    /// </summary>
    private bool Unmoved(double vbs, double vgs, double vds, double[] s0)
    {
        var o = _biasing.Options;
        var vbd = vbs - vds;
        var (delvbs, delvbd, delvgs, delvds, cdhat, cbhat) = Predicted(vbs, vgs, vds, s0);
        var cb = _cbsI + _cbdI;
        return Math.Abs(cbhat - cb) < o.RelTol * (Math.Max(Math.Abs(cbhat), Math.Abs(cb)) + o.AbsTol)
            && Math.Abs(delvbs) < o.RelTol * Math.Max(Math.Abs(vbs), Math.Abs(At(s0, Vbs))) + o.VnTol
            && Math.Abs(delvbd) < o.RelTol * Math.Max(Math.Abs(vbd), Math.Abs(At(s0, Vbd))) + o.VnTol
            && Math.Abs(delvgs) < o.RelTol * Math.Max(Math.Abs(vgs), Math.Abs(At(s0, Vgs))) + o.VnTol
            && Math.Abs(delvds) < o.RelTol * Math.Max(Math.Abs(vds), Math.Abs(At(s0, Vds))) + o.VnTol
            && Math.Abs(cdhat - _cd) < o.RelTol * Math.Max(Math.Abs(cdhat), Math.Abs(_cd)) + o.AbsTol;
    }

    /// <summary>
    /// The terminal voltages' changes since the last evaluation and the drain and bulk currents its linearisation
    /// predicts at them (mos1conv.c and mos1load's bypass test share them).
    /// </summary>
    private (double DelVbs, double DelVbd, double DelVgs, double DelVds, double CdHat, double CbHat) Predicted(
        double vbs, double vgs, double vds, double[] s0)
    {
        var vbd = vbs - vds;
        var vgd = vgs - vds;
        var vgdo = At(s0, Vgs) - At(s0, Vds);
        var delvbs = vbs - At(s0, Vbs);
        var delvbd = vbd - At(s0, Vbd);
        var delvgs = vgs - At(s0, Vgs);
        var delvds = vds - At(s0, Vds);
        var delvgd = vgd - vgdo;
        var cdhat = _mode >= 0
            ? _cd - _gbd * delvbd + _gmbs * delvbs + _gm * delvgs + _gds * delvds
            : _cd - (_gbd - _gmbs) * delvbd - _gm * delvgd + _gds * delvds;
        var cbhat = _cbsI + _cbdI + _gbd * delvbd + _gbs * delvbs;
        return (delvbs, delvbd, delvgs, delvds, cdhat, cbhat);
    }

    public bool IsConvergent()
    {
        // mos1conv.c reads the new solution (CKTrhs), unlike most devices
        var x = _biasing.Rhs;
        var vbs = _type * (x[_b] - x[_sp]);
        var vgs = _type * (x[_g] - x[_sp]);
        var vds = _type * (x[_dp] - x[_sp]);
        var (_, _, _, _, cdhat, cbhat) = Predicted(vbs, vgs, vds, _transient.States[0]);
        var o = _biasing.Options;
        var tol = o.RelTol * Math.Max(Math.Abs(cdhat), Math.Abs(_cd)) + o.AbsTol;
        if (Math.Abs(cdhat - _cd) >= tol) return false;
        tol = o.RelTol * Math.Max(Math.Abs(cbhat), Math.Abs(_cbsI + _cbdI)) + o.AbsTol;
        return Math.Abs(cbhat - (_cbsI + _cbdI)) <= tol;
    }

    public void LoadAc()
    {
        var s0 = _transient.States[0];
        int xnrm, xrev;
        if (_mode < 0)
        {
            xnrm = 0;
            xrev = 1;
        }
        else
        {
            xnrm = 1;
            xrev = 0;
        }
        var capgs = 2 * s0[Capgs] + _gateSourceOverlapCap;
        var capgd = 2 * s0[Capgd] + _gateDrainOverlapCap;
        var capgb = 2 * s0[Capgb] + _gateBulkOverlapCap;
        var w = _frequency.Omega;
        var xgs = capgs * w;
        var xgd = capgd * w;
        var xgb = capgb * w;
        var xbd = _capbd * w;
        var xbs = _capbs * w;
        var v = _frequency.Matrix.Values;
        v[_gg] += new Complex(0, xgd + xgs + xgb);
        v[_bb] += new Complex(_gbd + _gbs, xgb + xbd + xbs);
        v[_dpdp] += new Complex(_drainConductance + _gds + _gbd + xrev * (_gm + _gmbs), xgd + xbd);
        v[_spsp] += new Complex(_sourceConductance + _gds + _gbs + xnrm * (_gm + _gmbs), xgs + xbs);
        v[_gb] -= new Complex(0, xgb);
        v[_gdp] -= new Complex(0, xgd);
        v[_gsp] -= new Complex(0, xgs);
        v[_bg] -= new Complex(0, xgb);
        v[_bdp] -= new Complex(_gbd, xbd);
        v[_bsp] -= new Complex(_gbs, xbs);
        v[_dpg] += new Complex((xnrm - xrev) * _gm, -xgd);
        v[_dpb] += new Complex(-_gbd + (xnrm - xrev) * _gmbs, -xbd);
        v[_spg] += new Complex(-(xnrm - xrev) * _gm, -xgs);
        v[_spb] += new Complex(-_gbs - (xnrm - xrev) * _gmbs, -xbs);
        v[_dd] += _drainConductance;
        v[_ss] += _sourceConductance;
        v[_ddp] -= _drainConductance;
        v[_ssp] -= _sourceConductance;
        v[_dpd] -= _drainConductance;
        v[_dpsp] -= _gds + xnrm * (_gm + _gmbs);
        v[_sps] -= _sourceConductance;
        v[_spdp] -= _gds + xrev * (_gm + _gmbs);
    }
}
