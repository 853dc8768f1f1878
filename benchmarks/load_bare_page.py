"""The bare Streamlit chat page the load benchmark compares the app with: title, sidebar, chat_input, one
markdown answer. Run by benchmarks/load_bench.py (streamlit run benchmarks/load_bare_page.py)."""

import streamlit as st

st.set_page_config(page_title="Bare chat")
st.title("Bare chat")
with st.sidebar:
    st.write("A sidebar with a line of text.")
question = st.chat_input("Ask a question")
if question:
    with st.chat_message("user"):
        st.text(question)
    with st.chat_message("assistant"):
        st.markdown(f"An answer to *{question}* with a citation. [1]")
