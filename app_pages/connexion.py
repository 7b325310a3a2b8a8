"""Connexion: sign in (password, or the identity provider when configured); on a fresh install,
create the first practitioner account."""

from __future__ import annotations

import streamlit as st

from app_pages.common import KEY_ACCOUNT, db_session, oidc_configured
from responders.people import accounts

st.title("Connexion")

with db_session() as session:
    has_accounts = accounts.has_accounts(session)
    demo = accounts.demo_accounts(session)

if not has_accounts:
    st.info(
        "Première utilisation : créez le compte du praticien responsable. Il pourra ensuite ajouter "
        "les comptes du secrétariat et de l'avocat (commande « responders users add »)."
    )
    with st.form("first-account"):
        name = st.text_input("Nom d'utilisateur", key="first-name")
        password = st.text_input("Mot de passe (8 caractères au moins)", type="password", key="first-password")
        again = st.text_input("Mot de passe (encore)", type="password", key="first-again")
        created = st.form_submit_button("Créer le compte praticien", type="primary")
    if created:
        if password != again:
            st.error("Les deux mots de passe saisis diffèrent.")
        else:
            try:
                with db_session() as session:
                    account = accounts.create_first_practitioner(session, name, password)
                    accounts.record_sign_in(session, account, method="password")
            except (ValueError, PermissionError) as exc:
                st.error(str(exc))
            else:
                st.session_state[KEY_ACCOUNT] = account
                st.rerun()
    st.stop()

with st.form("sign-in"):
    name = st.text_input("Nom d'utilisateur", key="signin-name")
    password = st.text_input("Mot de passe", type="password", key="signin-password")
    submitted = st.form_submit_button("Se connecter", type="primary")
if submitted:
    refusal = None
    with db_session() as session:  # the refused attempt is journaled too
        try:
            account = accounts.sign_in(session, name, password)
        except accounts.SignInRefused as exc:
            refusal = str(exc)
    if refusal:
        st.error(refusal)
    else:
        st.session_state[KEY_ACCOUNT] = account
        st.rerun()

if oidc_configured():
    st.divider()
    if st.button("Se connecter avec le compte de l'établissement"):
        st.login()
    try:
        email = st.user.get("email") if st.user.is_logged_in else None
    except (AttributeError, KeyError):
        email = None
    if email:
        st.error(
            "Aucun compte n'est associé à cette adresse : demandez à un praticien de vous en créer un "
            "(« responders users add NOM --role … --email ADRESSE »)."
        )
        st.button("Se déconnecter du fournisseur d'identité", on_click=st.logout)

if demo:
    passwords = {name: password for name, _role, password in accounts.DEMO_ACCOUNTS}
    lines = [f"{a.name} / {passwords.get(a.name, '?')} ({a.role_fr})" for a in demo]
    st.warning(
        "Comptes de démonstration (données fictives) — nom / mot de passe :\n\n"
        + "\n\n".join(lines)
        + "\n\nSupprimez-les dans Réglages avant d'importer les avis réels du cabinet.",
        icon=":material/science:",
    )
