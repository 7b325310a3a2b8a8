"""Réglages: the practice, its reply policy, the template catalogue and the optional language model."""

from __future__ import annotations

import streamlit as st
from sqlmodel import select

from app_pages.common import db_session, require_page, secret, sign_out
from responders import policy
from responders.drafting.catalogue import default_catalogue
from responders.listings import location_choices, merge_locations
from responders.people import accounts
from responders.people.roles import ROLES
from responders.profiles import PROFILES
from responders.store.models import Location
from responders.store.settings import PracticeSettings, Signatory, load_signatories
from responders.triage import actions
from responders.views import settings_view
from responders.views.render import md_escape

account = require_page("reglages")
st.title("Réglages")
with db_session() as session:
    settings = PracticeSettings.load(session)
    overrides = policy.load_policy_overrides(session)
    locations = settings_view.locations_frame(session.exec(select(Location)).all())

with st.form("practice"):
    st.subheader("Le cabinet")
    profile = st.selectbox(
        "Profil", list(PROFILES), index=list(PROFILES).index(settings.profile),
        format_func=lambda name: PROFILES[name].label,
    )
    practice_name = st.text_input("Nom du cabinet ou de la clinique", value=settings.practice_name)
    contact = st.text_input("Moyen de contact privé (téléphone, courriel)", value=settings.contact_channel)
    notifier_name = st.text_input("Nom du notifiant (signalements à Google)", value=settings.notifier_name)
    notifier_email = st.text_input("Courriel du notifiant", value=settings.notifier_email)
    if st.form_submit_button("Enregistrer"):
        updated = PracticeSettings(
            profile=profile, practice_name=practice_name, notifier_name=notifier_name,
            notifier_email=notifier_email, contact_channel=contact, user_name=settings.user_name,
        )
        with db_session() as session:
            actions.save_practice_settings(session, updated, user=account.name)
        st.success("Réglages enregistrés.")

st.subheader("Comptes")
st.caption("Chaque personne se connecte avec son propre compte : le journal indique qui a fait quoi.")
with db_session() as session:
    people = settings_view.users_frame(session)
    demo_left = bool(accounts.demo_accounts(session))
st.dataframe(people, hide_index=True, width="stretch")
with st.form("add-user", clear_on_submit=True):
    cols = st.columns(3)
    new_name = cols[0].text_input("Nom d'utilisateur", key="new-user-name")
    new_role = cols[1].selectbox("Rôle", list(ROLES), format_func=ROLES.get, key="new-user-role")
    new_password = cols[2].text_input("Mot de passe (8 caractères au moins)", type="password", key="new-user-password")
    if st.form_submit_button("Créer le compte"):
        try:
            with db_session() as session:
                created = accounts.add_user(session, new_name, new_role, new_password, by=account.name)
        except ValueError as exc:
            st.error(str(exc))
        else:
            st.success(f"Compte « {md_escape(created.name)} » créé ({created.role_fr}).")
if demo_left:
    st.warning("Des comptes de démonstration existent encore : leurs mots de passe sont publics.")
    if st.button("Supprimer les comptes de démonstration", key="remove-demo-accounts"):
        try:
            with db_session() as session:
                accounts.remove_demo_accounts(session, by=account)
        except ValueError as exc:
            st.error(str(exc))
        else:
            if account.demo:
                sign_out()
            st.rerun()

st.subheader("Établissements")
st.caption("Un groupe peut réunir des cabinets en France et au Québec : chaque établissement peut avoir son propre profil (délais, lois citées, réponses types).")
st.dataframe(locations, hide_index=True, width="stretch")
with db_session() as session:
    listings = [(loc.id, loc.name or loc.key, loc.profile, loc.key) for loc in session.exec(select(Location)).all()]
    signatories = load_signatories(session)
if listings:
    with st.form("locations"):
        st.caption("Signataire des notifications à Google de chaque établissement : laissé vide, c'est le notifiant du cabinet.")
        options = ["", *PROFILES]
        chosen_profiles = {}
        chosen_signatories = {}
        for loc_id, name, profile, key in listings:
            chosen_profiles[loc_id] = st.selectbox(
                md_escape(name), options, index=options.index(profile) if profile in options else 0,
                format_func=lambda p: "profil du cabinet" if not p else PROFILES[p].label,
                key=f"location-profile-{loc_id}",
            )
            own = signatories.get(key, Signatory())
            left, right = st.columns(2)
            chosen_signatories[key] = Signatory(
                name=left.text_input("Signataire", value=own.name, key=f"location-signer-{loc_id}"),
                email=right.text_input("Courriel du signataire", value=own.email, key=f"location-signer-email-{loc_id}"),
            )
        if st.form_submit_button("Enregistrer les profils"):
            with db_session() as session:
                for loc_id, _name, profile, key in listings:
                    if (chosen_profiles[loc_id] or None) != profile:
                        actions.set_location_profile(session, loc_id, chosen_profiles[loc_id] or None,
                                                      user=account.name)
                    wanted = chosen_signatories[key]
                    if wanted != signatories.get(key, Signatory()):
                        actions.save_listing_signatory(session, key, wanted, user=account.name)
            st.success("Profils et signataires des établissements enregistrés.")
if len(listings) > 1:
    with st.expander("Fusionner deux établissements qui n'en font qu'un"):
        st.caption(
            "Quand deux sources ont créé deux fiches pour le même établissement Google, fusionnez-les : "
            "les avis et les identifiants de la seconde passent à la première, qui garde son nom et son "
            "profil. L'opération est inscrite au journal."
        )
        with db_session() as session:
            names = dict(location_choices(session))
        with st.form("merge"):
            keep_id = st.selectbox("Établissement à garder", list(names), format_func=names.get, key="merge-keep")
            merged_id = st.selectbox("Établissement à fusionner dans le premier", list(names),
                                     format_func=names.get, index=1, key="merge-other")
            sure = st.checkbox("Je confirme que ces deux fiches désignent le même établissement", key="merge-sure")
            merge = st.form_submit_button("Fusionner")
        if merge:
            if not sure:
                st.error("Cochez la confirmation pour fusionner.")
            else:
                try:
                    with db_session() as session:
                        moved = merge_locations(session, keep_id, merged_id, user=account.name)
                except (ValueError, LookupError) as exc:
                    st.error(md_escape(str(exc)))
                else:
                    st.success(f"Établissements fusionnés : {moved} avis déplacé(s).")
                    st.rerun()

st.subheader("Politique de réponse")
st.caption("Par défaut, le produit suit les recommandations des ordres professionnels ; vous pouvez les remplacer ici.")
st.dataframe(settings_view.policy_frame(settings.profile), hide_index=True, width="stretch")
with st.form("policy"):
    choices = {}
    for situation in policy.SITUATIONS:
        options = ["", *policy.ACTIONS]
        current = overrides.get(situation, "")
        choices[situation] = st.selectbox(
            policy.SITUATION_LABELS.get(situation, situation), options,
            index=options.index(current) if current in options else 0,
            format_func=lambda a: "par défaut" if not a else policy.ACTION_LABELS.get(a, a),
            key=f"policy-{situation}",
        )
    if st.form_submit_button("Enregistrer la politique"):
        with db_session() as session:
            actions.save_reply_policy(session, choices, user=account.name)
        st.success("Politique enregistrée.")

with st.expander("Catalogue des réponses types (lecture seule)"):
    st.dataframe(settings_view.catalogue_frame(default_catalogue(), settings.profile),
                 hide_index=True, width="stretch")

st.subheader("Modèle de langage (facultatif)")
with db_session() as session:
    llm = settings_view.llm_state(session)
    quebec = settings_view.quebec_in_use(session)
st.write(llm.what_leaves)
st.caption("Le modèle n'est activé qu'après un test de connexion réussi avec la même adresse et le même "
           "modèle, puis votre choix enregistré. Chaque changement est inscrit au journal.")
if quebec:
    st.warning(settings_view.LOI_25_NOTICE)
with st.form("llm"):
    engine = st.radio("Moteur de classement", ["rules", "llm", "auto"],
                      index=["rules", "llm", "auto"].index(llm.engine),
                      format_func=settings_view.ENGINE_LABELS.get, horizontal=True, key="llm-engine")
    base_url = st.text_input("Adresse compatible OpenAI", value=llm.base_url,
                             placeholder="http://127.0.0.1:8080/v1", key="llm-base-url")
    model = st.text_input("Nom du modèle", value=llm.model, key="llm-model")
    privacy = st.checkbox(
        "L'évaluation des facteurs relatifs à la vie privée (Loi 25) couvre cet envoi", key="llm-privacy",
    ) if quebec else False
    typed_key = st.text_input(
        "Clé d'API (à saisir à nouveau quand l'adresse change)", type="password", key="llm-key",
        help="Elle n'est jamais enregistrée : seule son empreinte l'associe à cette adresse.",
    )
    st.caption(
        "La clé d'API se lit dans la variable d'environnement RESPONDERS_LLM_API_KEY ou dans les "
        "secrets Streamlit ; elle n'est jamais enregistrée. Elle n'est envoyée qu'à l'adresse "
        "configurée avec elle (RESPONDERS_LLM_BASE_URL, ou l'adresse pour laquelle un praticien "
        "l'a saisie ici) : après un changement d'adresse, saisissez-la à nouveau."
    )
    save, test = st.columns(2)
    saved = save.form_submit_button("Enregistrer")
    tested = test.form_submit_button("Tester la connexion")
if tested:
    with db_session() as session:
        ok, message = actions.check_llm(session, base_url=base_url, model=model,
                                       api_key=secret("RESPONDERS_LLM_API_KEY"), typed_key=typed_key,
                                       by=account)
    (st.success if ok else st.error)(md_escape(message))
if saved:
    with db_session() as session:
        ok, message = actions.save_llm(
            session, engine=engine, base_url=base_url, model=model, by=account,
            api_key=secret("RESPONDERS_LLM_API_KEY"), typed_key=typed_key, privacy_assessed=privacy,
        )
    (st.success if ok else st.error)(md_escape(message))
