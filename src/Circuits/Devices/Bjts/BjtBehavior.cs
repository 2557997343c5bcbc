using System.Numerics;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Devices;

/// <summary>
/// The Gummel-Poon bipolar transistor as ngspice 39's bjtload.c / bjttemp.c / bjtacld.c / bjtconv.c / bjttrunc.c:
/// forward and reverse diodes with leakage terms, Early effect and high-current roll-off in the base charge qb,
/// current-dependent base resistance, depletion and diffusion charges (TF with XTF/VTF/ITF), the split B-C
/// capacitance (XCJC), the substrate junction (gmin only unless ISS is given), pnjlim on vbe, vbc and vsub.
/// Internal nodes <c>q#collCX</c>, <c>q#base</c>, <c>q#emitter</c> appear when RC, RB, RE are non-zero.
/// Not ported: excess phase (PTF), Kull's quasi-saturation (RCO...), the TLEV/TLEVC temperature options.
/// </summary>
public sealed partial class BjtBehavior : Behavior, ITemperatureBehavior, IBiasingBehavior, IConvergenceBehavior,
    IFrequencyBehavior, IInitialConditionBehavior
{
    private readonly BiasingState _biasing;
    private readonly TransientState _transient;
    private readonly FrequencyState _frequency;
    private readonly Bjt _entity;
    private readonly BjtModel _model;
    private readonly int _type, _subType;
    private readonly bool _vertical;
    private readonly int _col, _base, _emit, _subst, _colPrime, _basePrime, _emitPrime, _substCon;

    // state slots (q and its current adjacent, as NIintegrate needs)
    private readonly int _s;
    private int Vbe => _s;
    private int Vbc => _s + 1;
    private int Cc => _s + 2;
    private int Cb => _s + 3;
    private int Gpi => _s + 4;
    private int Gmu => _s + 5;
    private int Gm => _s + 6;
    private int Go => _s + 7;
    private int Qbe => _s + 8;      // + 9: cqbe
    private int Qbc => _s + 10;     // + 11: cqbc
    private int Qsub => _s + 12;    // + 13: cqsub
    private int Qbx => _s + 14;     // + 15: cqbx
    private int Gx => _s + 16;
    private int Cexbc => _s + 17;
    private int Geqcb => _s + 18;
    private int Gcsub => _s + 19;
    private int Geqbx => _s + 20;
    private int Vsub => _s + 21;
    private int Cdsub => _s + 22;
    private int Gdsub => _s + 23;
    private const int StateCount = 24;

    // temperature-dependent parameters (bjttemp.c)
    private double _temp, _tSatCur, _beSatCur, _bcSatCur, _tSubSatCur, _tBetaF, _tBetaR, _tBEleakCur, _tBCleakCur;
    private double _tBEcap, _tBEpot, _tBCcap, _tBCpot, _tSubcap, _tSubpot, _tDepCap, _tf1, _tf2, _tf3, _tf4, _tf5, _tf6, _tf7;
    private double _tVcrit, _tSubVcrit, _tinvEarlyVoltF, _tinvEarlyVoltR, _tinvRollOffF, _tinvRollOffR;
    private double _tCollectorConduct, _tEmitterConduct, _tBaseResist, _tMinBaseResist, _tBaseCurrentHalfResist;
    private double _tEmissionCoeffF, _tEmissionCoeffR, _tLeakBEEmission, _tLeakBCEmission, _tEmissionCoeffS;
    private double _tTransitTimeF, _tTransitTimeR, _tTransitTimeHighCurrentF, _tJunctionExpBE, _tJunctionExpBC, _tJunctionExpSub;
    private double _transitTimeVbcFactor, _fc;
    private double _icVbe, _icVce;

    /// <summary>Small-signal capacitances stored at the last small-signal load (F).</summary>
    public double CapBE { get; private set; }
    public double CapBC { get; private set; }

    // matrix handles
    private int _colCol, _baseBase, _emitEmit, _colPrimeColPrime, _basePrimeBasePrime, _emitPrimeEmitPrime;
    private int _colColPrime, _baseBasePrime, _emitEmitPrime, _colPrimeCol, _colPrimeBasePrime, _colPrimeEmitPrime;
    private int _basePrimeBase, _basePrimeColPrime, _basePrimeEmitPrime, _emitPrimeEmit, _emitPrimeColPrime, _emitPrimeBasePrime;
    private int _substSubst, _substConSubstCon, _substConSubst, _substSubstCon, _baseColPrime, _colPrimeBase;

    public BjtBehavior(Bjt entity, BjtModel model, BindingContext context) : base(entity.Name)
    {
        _biasing = context.Biasing;
        _transient = context.Transient;
        _frequency = context.Frequency;
        _entity = entity;
        _model = model;
        if (entity.Area <= 0) throw new CircuitException($"{entity.Name}: area must be positive", entity.Name);
        if (model.SaturationCurrent <= 0) throw new CircuitException($"{model.Name}: is must be positive", model.Name);
        _type = model.Polarity;
        _vertical = model.Vertical ?? !model.IsPnp;
        _subType = _type * (_vertical ? 1 : -1);
        _col = context.Node(entity.Nodes[0]);
        _base = context.Node(entity.Nodes[1]);
        _emit = context.Node(entity.Nodes[2]);
        _subst = context.Node(entity.Nodes[3]);
        // bjtsetup.c: internal nodes only for non-zero resistances (model values)
        _colPrime = model.CollectorResistance == 0 ? _col : context.Unknowns.InternalNode(entity.Name, "collCX");
        _basePrime = model.BaseResistance == 0 ? _base : context.Unknowns.InternalNode(entity.Name, "base");
        _emitPrime = model.EmitterResistance == 0 ? _emit : context.Unknowns.InternalNode(entity.Name, "emitter");
        _substCon = _vertical ? _colPrime : _basePrime;
        _s = context.AllocateStates(StateCount);
        // Gate (junction) charges take part in the truncation error control as SPICE's DEVtrunc has them.
        context.RegisterCharge(Qbe);
        context.RegisterCharge(Qbc);
        context.RegisterCharge(Qsub);
    }

    public override void Setup(SetupContext context)
    {
        var m = context.Matrix;
        _colColPrime = m.GetElement(_col, _colPrime);
        _baseBasePrime = m.GetElement(_base, _basePrime);
        _emitEmitPrime = m.GetElement(_emit, _emitPrime);
        _colPrimeCol = m.GetElement(_colPrime, _col);
        _colPrimeBasePrime = m.GetElement(_colPrime, _basePrime);
        _colPrimeEmitPrime = m.GetElement(_colPrime, _emitPrime);
        _basePrimeBase = m.GetElement(_basePrime, _base);
        _basePrimeColPrime = m.GetElement(_basePrime, _colPrime);
        _basePrimeEmitPrime = m.GetElement(_basePrime, _emitPrime);
        _emitPrimeEmit = m.GetElement(_emitPrime, _emit);
        _emitPrimeColPrime = m.GetElement(_emitPrime, _colPrime);
        _emitPrimeBasePrime = m.GetElement(_emitPrime, _basePrime);
        _colCol = m.GetElement(_col, _col);
        _baseBase = m.GetElement(_base, _base);
        _emitEmit = m.GetElement(_emit, _emit);
        _colPrimeColPrime = m.GetElement(_colPrime, _colPrime);
        _basePrimeBasePrime = m.GetElement(_basePrime, _basePrime);
        _emitPrimeEmitPrime = m.GetElement(_emitPrime, _emitPrime);
        _substSubst = m.GetElement(_subst, _subst);
        _substConSubstCon = _vertical ? _colPrimeColPrime : _basePrimeBasePrime;
        _substConSubst = m.GetElement(_substCon, _subst);
        _substSubstCon = m.GetElement(_subst, _substCon);
        _baseColPrime = m.GetElement(_base, _colPrime);
        _colPrimeBase = m.GetElement(_colPrime, _base);
    }

    public void SetInitialCondition()
    {
        var x = _biasing.Solution;
        _icVbe = _entity.InitialVbe ?? x[_base] - x[_emit];
        _icVce = _entity.InitialVce ?? x[_col] - x[_emit];
    }

    public void Temperature()
    {
        var model = _model;
        var area = _entity.Area;
        var areab = _entity.AreaB ?? area;
        var areac = _entity.AreaC ?? area;
        const double refTemp = PhysicalConstants.ReferenceTemperature;
        const double boltz = PhysicalConstants.Boltzmann, charge = PhysicalConstants.Charge;
        var tnom = (model.NominalTemperature ?? _biasing.Options.NominalTemperature) + PhysicalConstants.CelsiusToKelvin;
        var vtnom = PhysicalConstants.KOverQ * tnom;
        var fact1 = tnom / refTemp;
        var minBaseResist = model.MinimumBaseResistance ?? model.BaseResistance;
        _transitTimeVbcFactor = model.TransitTimeFVbc is { } vtf && vtf != 0 ? 1 / (vtf * 1.44) : 0;
        _fc = Math.Min(model.DepletionCapCoefficient, .9999);
        var xfc = Math.Log(1 - _fc);

        // ngspice bjtsetup.c: ise and isc above 1e-4 are multiples of is
        var leakBE = model.LeakBECurrent > 1e-4 ? model.SaturationCurrent * model.LeakBECurrent : model.LeakBECurrent;
        var leakBC = model.LeakBCCurrent > 1e-4 ? model.SaturationCurrent * model.LeakBCCurrent : model.LeakBCCurrent;

        _temp = _biasing.Temperature;
        _tinvEarlyVoltF = model.EarlyVoltageF is { } vaf && vaf != 0 ? 1 / vaf : 0;
        _tinvRollOffF = model.RollOffF is { } ikf && ikf != 0 ? 1 / ikf / area : 0;
        _tinvEarlyVoltR = model.EarlyVoltageR is { } var && var != 0 ? 1 / var : 0;
        _tinvRollOffR = model.RollOffR is { } ikr && ikr != 0 ? 1 / ikr / area : 0;
        _tCollectorConduct = model.CollectorResistance != 0 ? 1 / model.CollectorResistance * area : 0;
        _tEmitterConduct = model.EmitterResistance != 0 ? 1 / model.EmitterResistance * area : 0;
        _tBaseResist = model.BaseResistance / area;
        _tMinBaseResist = minBaseResist / area;
        _tBaseCurrentHalfResist = model.BaseCurrentHalfResist * area;
        _tEmissionCoeffF = model.EmissionCoefficientF;
        _tEmissionCoeffR = model.EmissionCoefficientR;
        _tLeakBEEmission = model.LeakBEEmissionCoefficient;
        _tLeakBCEmission = model.LeakBCEmissionCoefficient;
        _tTransitTimeHighCurrentF = model.TransitTimeHighCurrentF * area;
        _tTransitTimeF = model.TransitTimeF;
        _tTransitTimeR = model.TransitTimeR;
        _tJunctionExpBE = Math.Min(model.JunctionExpBE, 0.999);
        _tJunctionExpBC = Math.Min(model.JunctionExpBC, 0.999);
        _tJunctionExpSub = Math.Min(model.ExponentSubstrate, 0.999);
        _tEmissionCoeffS = model.EmissionCoefficientS;

        var temp = _temp;
        var vt = temp * PhysicalConstants.KOverQ;
        var fact2 = temp / refTemp;
        var egfet = 1.16 - 7.02e-4 * temp * temp / (temp + 1108);
        var arg = -egfet / (2 * boltz * temp) + 1.1150877 / (boltz * (refTemp + refTemp));
        var pbfact = -2 * vt * (1.5 * Math.Log(fact2) + charge * arg);
        var egfet1 = 1.16 - 7.02e-4 * tnom * tnom / (tnom + 1108);
        var arg1 = -egfet1 / (2 * boltz * tnom) + 1.1150877 / (boltz * (refTemp + refTemp));
        var pbfact1 = -2 * vtnom * (1.5 * Math.Log(fact1) + charge * arg1);
        var ratlog = Math.Log(temp / tnom);
        var ratio1 = temp / tnom - 1;
        var factlog = ratio1 * model.EnergyGap / vt + model.TempExpIS * ratlog;
        var factor = Math.Exp(factlog);
        _tSatCur = area * model.SaturationCurrent * factor;
        _beSatCur = _tSatCur;
        _bcSatCur = _tSatCur * (_vertical ? areab : areac);
        if (model.SubstrateSaturationCurrent is { } iss) _tSubSatCur = iss * factor * area;
        var bfactor = Math.Exp(ratlog * model.BetaExponent);
        _tBetaF = model.BetaF * bfactor;
        _tBetaR = model.BetaR * bfactor;
        _tBEleakCur = area * leakBE * Math.Exp(factlog / model.LeakBEEmissionCoefficient) / bfactor;
        _tBCleakCur = leakBC * Math.Exp(factlog / model.LeakBCEmissionCoefficient) / bfactor * (_vertical ? areab : areac);

        var pbo = (model.PotentialBE - pbfact1) / fact1;
        var gmaold = (model.PotentialBE - pbo) / pbo;
        _tBEcap = model.DepletionCapBE / (1 + _tJunctionExpBE * (4e-4 * (tnom - refTemp) - gmaold));
        _tBEpot = fact2 * pbo + pbfact;
        var gmanew = (_tBEpot - pbo) / pbo;
        _tBEcap *= 1 + _tJunctionExpBE * (4e-4 * (temp - refTemp) - gmanew);
        _tBEcap *= area;

        pbo = (model.PotentialBC - pbfact1) / fact1;
        gmaold = (model.PotentialBC - pbo) / pbo;
        _tBCcap = model.DepletionCapBC / (1 + _tJunctionExpBC * (4e-4 * (tnom - refTemp) - gmaold));
        _tBCpot = fact2 * pbo + pbfact;
        gmanew = (_tBCpot - pbo) / pbo;
        _tBCcap *= 1 + _tJunctionExpBC * (4e-4 * (temp - refTemp) - gmanew);
        _tBCcap *= _vertical ? areab : areac;

        pbo = (model.PotentialSubstrate - pbfact1) / fact1;
        gmaold = (model.PotentialSubstrate - pbo) / pbo;
        _tSubcap = model.CapSubstrate / (1 + _tJunctionExpSub * (4e-4 * (tnom - refTemp) - gmaold));
        _tSubpot = fact2 * pbo + pbfact;
        gmanew = (_tSubpot - pbo) / pbo;
        _tSubcap *= 1 + _tJunctionExpSub * (4e-4 * (temp - refTemp) - gmanew);
        _tSubcap *= _vertical ? areac : areab;

        _tDepCap = _fc * _tBEpot;
        _tf1 = _tBEpot * (1 - Math.Exp((1 - _tJunctionExpBE) * xfc)) / (1 - _tJunctionExpBE);
        _tf4 = _fc * _tBCpot;
        _tf5 = _tBCpot * (1 - Math.Exp((1 - _tJunctionExpBC) * xfc)) / (1 - _tJunctionExpBC);
        _tVcrit = vt * Math.Log(vt / (PhysicalConstants.Root2 * _tSatCur));
        if (model.SubstrateSaturationCurrent is not null) _tSubVcrit = vt * Math.Log(vt / (PhysicalConstants.Root2 * _tSubSatCur));
        _tf2 = Math.Exp((1 + _tJunctionExpBE) * xfc);
        _tf3 = 1 - _fc * (1 + _tJunctionExpBE);
        _tf6 = Math.Exp((1 + _tJunctionExpBC) * xfc);
        _tf7 = 1 - _fc * (1 + _tJunctionExpBC);
    }

    public void Load()
    {
        var model = _model;
        var s0 = _transient.States[0];
        var x = _biasing.Solution;
        var vt = _temp * PhysicalConstants.KOverQ;
        var m = _entity.Multiplier;
        double gcsub = 0, geqbx = 0, geqcb = 0;
        var rbpi = _tBaseResist - _tMinBaseResist;
        var vte = _tLeakBEEmission * vt;
        var vtc = _tLeakBCEmission * vt;
        double vbe, vbc, vbx, vsub;
        var icheck = true;
        var tranOpUic = (_biasing.Mode & AnalysisMode.TransientOperatingPoint) != 0 && _biasing.UseIc;

        switch (_biasing.Init)
        {
            case InitializationMode.SmallSignal:
                vbe = s0[Vbe];
                vbc = s0[Vbc];
                vbx = _type * (x[_base] - x[_colPrime]);
                vsub = _subType * (x[_subst] - x[_substCon]);
                break;
            case InitializationMode.Transient:
                vbe = _transient.States[1][Vbe];
                vbc = _transient.States[1][Vbc];
                vbx = _type * (x[_base] - x[_colPrime]);
                vsub = _subType * (x[_subst] - x[_substCon]);
                if (_biasing.IsTransient && _biasing.UseIc)
                {
                    vbx = _type * (_icVbe - _icVce);
                    vsub = 0;
                }
                break;
            case InitializationMode.Junction when tranOpUic:
                vbe = _type * _icVbe;
                var vce = _type * _icVce;
                vbc = vbe - vce;
                vbx = vbc;
                vsub = 0;
                break;
            case InitializationMode.Junction when !_entity.Off:
                vbe = _tVcrit;
                vbc = 0;
                vsub = vbx = 0;
                break;
            case InitializationMode.Junction:
            case InitializationMode.Fix when _entity.Off:
                vbe = 0;
                vbc = 0;
                vsub = vbx = 0;
                break;
            default:
            {
                if (_biasing.Init == InitializationMode.Predict)
                {
                    var s1 = _transient.States[1];
                    var s2 = _transient.States[2];
                    var xfact = _transient.Delta / _transient.DeltaOld[1];
                    s0[Vbe] = s1[Vbe];
                    vbe = (1 + xfact) * s1[Vbe] - xfact * s2[Vbe];
                    s0[Vbc] = s1[Vbc];
                    vbc = (1 + xfact) * s1[Vbc] - xfact * s2[Vbc];
                    s0[Cc] = s1[Cc];
                    s0[Cb] = s1[Cb];
                    s0[Gpi] = s1[Gpi];
                    s0[Gmu] = s1[Gmu];
                    s0[Gm] = s1[Gm];
                    s0[Go] = s1[Go];
                    s0[Gx] = s1[Gx];
                    s0[Vsub] = s1[Vsub];
                }
                else
                {
                    vbe = _type * (x[_basePrime] - x[_emitPrime]);
                    vbc = _type * (x[_basePrime] - x[_colPrime]);
                }
                vbx = _type * (x[_base] - x[_colPrime]);
                vsub = _subType * (x[_subst] - x[_substCon]);
                // limit nonlinear branch voltages
                vbe = JunctionLimiting.Pnj(vbe, s0[Vbe], vt, _tVcrit, out icheck);
                vbc = JunctionLimiting.Pnj(vbc, s0[Vbc], vt, _tVcrit, out var ichk1);
                if (ichk1) icheck = true;
                vsub = JunctionLimiting.Pnj(vsub, s0[Vsub], vt, model.SubstrateSaturationCurrent is null ? 50 : _tSubVcrit, out ichk1);
                if (ichk1) icheck = true;
                break;
            }
        }

        // determine dc current and derivatives
        JunctionCurrent.Evaluate(vbe, _beSatCur, vt * _tEmissionCoeffF, out var cbe, out var gbe);
        double cben = 0, gben = 0;
        if (_tBEleakCur != 0) JunctionCurrent.Evaluate(vbe, _tBEleakCur, vte, out cben, out gben);
        gben += _biasing.Gmin;
        cben += _biasing.Gmin * vbe;

        JunctionCurrent.Evaluate(vbc, _bcSatCur, vt * _tEmissionCoeffR, out var cbc, out var gbc);
        double cbcn = 0, gbcn = 0;
        if (_tBCleakCur != 0) JunctionCurrent.Evaluate(vbc, _tBCleakCur, vtc, out cbcn, out gbcn);
        gbcn += _biasing.Gmin;
        cbcn += _biasing.Gmin * vbc;

        double gdsub, cdsub;
        if (model.SubstrateSaturationCurrent is not null)
        {
            var vts = vt * _tEmissionCoeffS;
            if (vsub <= -3 * vts)
            {
                var arg = 3 * vts / (vsub * PhysicalConstants.E);
                arg = arg * arg * arg;
                gdsub = _tSubSatCur * 3 * arg / vsub + _biasing.Gmin;
                cdsub = -_tSubSatCur * (1 + arg) + _biasing.Gmin * vsub;
            }
            else
            {
                var evsub = Math.Exp(Math.Min(MaxExpArg, vsub / vts));
                gdsub = _tSubSatCur * evsub / vts + _biasing.Gmin;
                cdsub = _tSubSatCur * (evsub - 1) + _biasing.Gmin * vsub;
            }
        }
        else
        {
            gdsub = _biasing.Gmin;
            cdsub = _biasing.Gmin * vsub;
        }

        // determine base charge terms
        var q1 = 1 / (1 - _tinvEarlyVoltF * vbc - _tinvEarlyVoltR * vbe);
        double qb, dqbdve, dqbdvc;
        if (_tinvRollOffF == 0 && _tinvRollOffR == 0)
        {
            qb = q1;
            dqbdve = q1 * qb * _tinvEarlyVoltR;
            dqbdvc = q1 * qb * _tinvEarlyVoltF;
        }
        else
        {
            var q2 = _tinvRollOffF * cbe + _tinvRollOffR * cbc;
            var arg = Math.Max(0, 1 + 4 * q2);
            var sqarg = 1.0;
            if (model.Nkf is not { } nkf)
            {
                if (arg != 0) sqarg = Math.Sqrt(arg);
            }
            else if (arg != 0)
            {
                sqarg = Math.Pow(arg, Math.Min(nkf, 1.0));
            }
            qb = q1 * (1 + sqarg) / 2;
            if (model.Nkf is not { } nkf2)
            {
                dqbdve = q1 * (qb * _tinvEarlyVoltR + _tinvRollOffF * gbe / sqarg);
                dqbdvc = q1 * (qb * _tinvEarlyVoltF + _tinvRollOffR * gbc / sqarg);
            }
            else
            {
                nkf2 = Math.Min(nkf2, 1.0);
                dqbdve = q1 * (qb * _tinvEarlyVoltR + _tinvRollOffF * gbe * 2 * sqarg * nkf2 / arg);
                dqbdvc = q1 * (qb * _tinvEarlyVoltF + _tinvRollOffR * gbc * 2 * sqarg * nkf2 / arg);
            }
        }

        // (no excess phase: cc starts at zero)
        var cc = 0.0;
        var cex = cbe;
        var gex = gbe;

        // determine dc incremental conductances
        cc = cc + (cex - cbc) / qb - cbc / _tBetaR - cbcn;
        var cb = cbe / _tBetaF + cben + cbc / _tBetaR + cbcn;
        var gx = _tMinBaseResist + rbpi / qb;
        if (_tBaseCurrentHalfResist != 0)
        {
            var arg1 = Math.Max(cb / _tBaseCurrentHalfResist, 1e-9);
            var arg2 = (-1 + Math.Sqrt(1 + 14.59025 * arg1)) / 2.4317 / Math.Sqrt(arg1);
            arg1 = Math.Tan(arg2);
            gx = _tMinBaseResist + 3 * rbpi * (arg1 - arg2) / arg2 / arg1 / arg1;
        }
        if (gx != 0) gx = 1 / gx;
        var gpi = gbe / _tBetaF + gben;
        var gmu = gbc / _tBetaR + gbcn;
        var go = (gbc + (cex - cbc) * dqbdvc / qb) / qb;
        var gm = (gex - (cex - cbc) * dqbdve / qb) / qb - go;

        double capbx = 0, capsub = 0;
        if (_biasing.ComputesCharges)
        {
            // charge storage elements
            var tf = _tTransitTimeF;
            var tr = _tTransitTimeR;
            var czbe = _tBEcap;
            var pe = _tBEpot;
            var xme = _tJunctionExpBE;
            var cdis = model.BaseFractionBCCap;
            var ctot = _tBCcap;
            var czbc = ctot * cdis;
            var czbx = ctot - czbc;
            var pc = _tBCpot;
            var xmc = _tJunctionExpBC;
            var fcpe = _tDepCap;
            var czsub = _tSubcap;
            var ps = _tSubpot;
            var xms = _tJunctionExpSub;
            var xtf = model.TransitTimeBiasCoeffF;
            var ovtf = _transitTimeVbcFactor;
            var xjtf = _tTransitTimeHighCurrentF;
            if (tf != 0 && vbe > 0)
            {
                double argtf = 0, arg2 = 0, arg3 = 0;
                if (xtf != 0)
                {
                    argtf = xtf;
                    if (ovtf != 0) argtf *= Math.Exp(vbc * ovtf);
                    arg2 = argtf;
                    if (xjtf != 0)
                    {
                        var temp = cbe / (cbe + xjtf);
                        argtf = argtf * temp * temp;
                        arg2 = argtf * (3 - temp - temp);
                    }
                    arg3 = cbe * argtf * ovtf;
                }
                cbe = cbe * (1 + argtf) / qb;
                gbe = (gbe * (1 + arg2) - cbe * dqbdve) / qb;
                geqcb = tf * (arg3 - cbe * dqbdvc) / qb;
            }
            DepletionCharge.Evaluate(vbe, czbe, pe, xme, fcpe, _tf1, _tf2, _tf3, out var qbe, out var cdbe);
            s0[Qbe] = tf * cbe + qbe;
            var capbe = tf * gbe + cdbe;
            var fcpc = _tf4;
            DepletionCharge.Evaluate(vbc, czbc, pc, xmc, fcpc, _tf5, _tf6, _tf7, out var qbc, out var cdbc);
            s0[Qbc] = tr * cbc + qbc;
            var capbc = tr * gbc + cdbc;
            DepletionCharge.Evaluate(vbx, czbx, pc, xmc, fcpc, _tf5, _tf6, _tf7, out var qbx, out capbx);
            s0[Qbx] = qbx;
            if (vsub < 0)
            {
                var arg = 1 - vsub / ps;
                var sarg = Math.Exp(-xms * Math.Log(arg));
                s0[Qsub] = ps * czsub * (1 - arg * sarg) / (1 - xms);
                capsub = czsub * sarg;
            }
            else
            {
                s0[Qsub] = vsub * czsub * (1 + xms * vsub / (2 * ps));
                capsub = czsub * (1 + xms * vsub / ps);
            }

            if (!tranOpUic)
            {
                if (_biasing.Init == InitializationMode.SmallSignal)
                {
                    // store small-signal parameters and stop: nothing is loaded in this pass
                    s0[Qbe + 1] = capbe;
                    s0[Qbc + 1] = capbc;
                    s0[Qsub + 1] = capsub;
                    s0[Qbx + 1] = capbx;
                    s0[Cexbc] = geqcb;
                    CapBE = capbe;
                    CapBC = capbc;
                    return;
                }

                // transient analysis
                var s1 = _transient.States[1];
                if (_biasing.Init == InitializationMode.Transient)
                {
                    s1[Qbe] = s0[Qbe];
                    s1[Qbc] = s0[Qbc];
                    s1[Qbx] = s0[Qbx];
                    s1[Qsub] = s0[Qsub];
                }
                _transient.Integrate(Qbe, capbe, out var geq, out _);
                geqcb *= _transient.Ag[0];
                gpi += geq;
                cb += s0[Qbe + 1];
                _transient.Integrate(Qbc, capbc, out geq, out _);
                gmu += geq;
                cb += s0[Qbc + 1];
                cc -= s0[Qbc + 1];
                if (_biasing.Init == InitializationMode.Transient)
                {
                    s1[Qbe + 1] = s0[Qbe + 1];
                    s1[Qbc + 1] = s0[Qbc + 1];
                }
            }
        }

        // check convergence
        if (_biasing.Init != InitializationMode.Fix || !_entity.Off)
        {
            if (icheck)
            {
                _biasing.NotConverged(Name);
            }
        }

        // charge storage for c-s and b-x junctions
        if (_biasing.IsTransient)
        {
            _transient.Integrate(Qsub, capsub, out gcsub, out _);
            _transient.Integrate(Qbx, capbx, out geqbx, out _);
            if (_biasing.Init == InitializationMode.Transient)
            {
                var s1 = _transient.States[1];
                s1[Qbx + 1] = s0[Qbx + 1];
                s1[Qsub + 1] = s0[Qsub + 1];
            }
        }

        s0[Vbe] = vbe;
        s0[Vbc] = vbc;
        s0[Cc] = cc;
        s0[Cb] = cb;
        s0[Gpi] = gpi;
        s0[Gmu] = gmu;
        s0[Gm] = gm;
        s0[Go] = go;
        s0[Gx] = gx;
        s0[Geqcb] = geqcb;
        s0[Gcsub] = gcsub;
        s0[Geqbx] = geqbx;
        s0[Vsub] = vsub;
        s0[Gdsub] = gdsub;
        s0[Cdsub] = cdsub;

        // load current excitation vector
        var geqsub = gcsub + gdsub;
        var ceqsub = _subType * (s0[Qsub + 1] + cdsub - vsub * geqsub);
        var ceqbx = _type * (s0[Qbx + 1] - vbx * geqbx);
        var ceqbe = _type * (cc + cb - vbe * (gm + go + gpi) + vbc * (go - geqcb));
        var ceqbc = _type * (-cc + vbe * (gm + go) - vbc * (gmu + go));

        var rhs = _biasing.Rhs;
        rhs[_base] += m * -ceqbx;
        rhs[_colPrime] += m * (ceqbx + ceqbc);
        rhs[_substCon] += m * ceqsub;
        rhs[_basePrime] += m * (-ceqbe - ceqbc);
        rhs[_emitPrime] += m * ceqbe;
        rhs[_subst] += m * -ceqsub;

        // load y matrix
        var v = _biasing.Matrix.Values;
        var gcpr = _tCollectorConduct;
        var gepr = _tEmitterConduct;
        v[_colCol] += m * gcpr;
        v[_baseBase] += m * (gx + geqbx);
        v[_emitEmit] += m * gepr;
        v[_colPrimeColPrime] += m * (gmu + go + geqbx);
        v[_colPrimeColPrime] += m * gcpr;          // collCX-collCX (collCX is colPrime without RCO)
        v[_substConSubstCon] += m * geqsub;
        v[_basePrimeBasePrime] += m * (gx + gpi + gmu + geqcb);
        v[_emitPrimeEmitPrime] += m * (gpi + gepr + gm + go);
        v[_colColPrime] += m * -gcpr;
        v[_baseBasePrime] += m * -gx;
        v[_emitEmitPrime] += m * -gepr;
        v[_colPrimeCol] += m * -gcpr;
        v[_colPrimeBasePrime] += m * (-gmu + gm);
        v[_colPrimeEmitPrime] += m * (-gm - go);
        v[_basePrimeBase] += m * -gx;
        v[_basePrimeColPrime] += m * (-gmu - geqcb);
        v[_basePrimeEmitPrime] += m * -gpi;
        v[_emitPrimeEmit] += m * -gepr;
        v[_emitPrimeColPrime] += m * (-go + geqcb);
        v[_emitPrimeBasePrime] += m * (-gpi - gm - geqcb);
        v[_substSubst] += m * geqsub;
        v[_substConSubst] += m * -geqsub;
        v[_substSubstCon] += m * -geqsub;
        v[_baseColPrime] += m * -geqbx;
        v[_colPrimeBase] += m * -geqbx;
    }

    private const double MaxExpArg = 709.0;

    public bool IsConvergent()
    {
        var s0 = _transient.States[0];
        var x = _biasing.Solution;
        var vbe = _type * (x[_basePrime] - x[_emitPrime]);
        var vbc = _type * (x[_basePrime] - x[_colPrime]);
        var delvbe = vbe - s0[Vbe];
        var delvbc = vbc - s0[Vbc];
        var cchat = s0[Cc] + (s0[Gm] + s0[Go]) * delvbe - (s0[Go] + s0[Gmu]) * delvbc;
        var cbhat = s0[Cb] + s0[Gpi] * delvbe + s0[Gmu] * delvbc;
        var cc = s0[Cc];
        var cb = s0[Cb];
        var o = _biasing.Options;
        var tol = o.RelTol * Math.Max(Math.Abs(cchat), Math.Abs(cc)) + o.AbsTol;
        if (Math.Abs(cchat - cc) > tol) return false;
        tol = o.RelTol * Math.Max(Math.Abs(cbhat), Math.Abs(cb)) + o.AbsTol;
        return Math.Abs(cbhat - cb) <= tol;
    }

    public void LoadAc()
    {
        var s0 = _transient.States[0];
        var m = _entity.Multiplier;
        var gcpr = _tCollectorConduct;
        var gepr = _tEmitterConduct;
        var gpi = s0[Gpi];
        var gmu = s0[Gmu];
        var gm = s0[Gm];
        var go = s0[Go];
        var gx = s0[Gx];
        var w = _frequency.Omega;
        var xcpi = s0[Qbe + 1] * w;
        var xcmu = s0[Qbc + 1] * w;
        var xcbx = s0[Qbx + 1] * w;
        var xcsub = s0[Qsub + 1] * w;
        var xcmcb = s0[Cexbc] * w;
        var v = _frequency.Matrix.Values;
        Complex C(double re, double im) => new(m * re, m * im);
        v[_colCol] += C(gcpr, 0);
        v[_baseBase] += C(gx, xcbx);
        v[_emitEmit] += C(gepr, 0);
        v[_colPrimeColPrime] += C(gmu + go, xcmu + xcbx);
        v[_colPrimeColPrime] += C(gcpr, 0);
        v[_substConSubstCon] += C(0, xcsub);
        v[_basePrimeBasePrime] += C(gx + gpi + gmu, xcpi + xcmu + xcmcb);
        v[_emitPrimeEmitPrime] += C(gpi + gepr + gm + go, xcpi);
        v[_colColPrime] += C(-gcpr, 0);
        v[_baseBasePrime] += C(-gx, 0);
        v[_emitEmitPrime] += C(-gepr, 0);
        v[_colPrimeCol] += C(-gcpr, 0);
        v[_colPrimeBasePrime] += C(-gmu + gm, -xcmu);
        v[_colPrimeEmitPrime] += C(-gm - go, 0);
        v[_basePrimeBase] += C(-gx, 0);
        v[_basePrimeColPrime] += C(-gmu, -xcmu - xcmcb);
        v[_basePrimeEmitPrime] += C(-gpi, -xcpi);
        v[_emitPrimeEmit] += C(-gepr, 0);
        v[_emitPrimeColPrime] += C(-go, xcmcb);
        v[_emitPrimeBasePrime] += C(-gpi - gm, -xcpi - xcmcb);
        v[_substSubst] += C(0, xcsub);
        v[_substConSubst] += C(0, -xcsub);
        v[_substSubstCon] += C(0, -xcsub);
        v[_baseColPrime] += C(0, -xcbx);
        v[_colPrimeBase] += C(0, -xcbx);
    }
}
